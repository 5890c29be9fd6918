import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityCreateInput, CommunityDto, CommunityMemberDto, CommunityMembersAddInput, CommunityUpdateInput, ContributionCreateInput, ContributionDto } from '../../../contracts';
import { api } from '../../api/client';

export const communityKeys = {
  all: ['communities'] as const,
  list: ['communities', 'list'] as const,
  one: (id: string) => ['communities', 'one', id] as const,
  contributions: (id: string) => ['communities', 'contributions', id] as const,
  members: (id: string) => ['communities', 'members', id] as const,
};

export const useCommunities = () => useQuery({ queryKey: communityKeys.list, queryFn: () => api<{ items: CommunityDto[] }>('/api/v1/communities') });
export const useCommunity = (id: string) =>
  useQuery({ queryKey: communityKeys.one(id), queryFn: () => api<CommunityDto>(`/api/v1/communities/${id}`), retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2 });
export const useContributions = (id: string) => useQuery({ queryKey: communityKeys.contributions(id), queryFn: () => api<{ items: ContributionDto[] }>(`/api/v1/communities/${id}/contributions`) });
export const useMembers = (id: string) => useQuery({ queryKey: communityKeys.members(id), queryFn: () => api<{ items: CommunityMemberDto[] }>(`/api/v1/communities/${id}/members`) });

function useCommunityMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: communityKeys.all }) });
}

export const useCreateCommunity = () => useCommunityMutation((input: CommunityCreateInput) => api<CommunityDto>('/api/v1/communities', { method: 'POST', body: input }));
export const useUpdateCommunity = (id: string) => useCommunityMutation((input: CommunityUpdateInput) => api<CommunityDto>(`/api/v1/communities/${id}`, { method: 'PATCH', body: input }));
export const useDeleteCommunity = () => useCommunityMutation((id: string) => api<void>(`/api/v1/communities/${id}`, { method: 'DELETE' }));
export const useContribute = (id: string) => useCommunityMutation((input: ContributionCreateInput) => api<ContributionDto>(`/api/v1/communities/${id}/contributions`, { method: 'POST', body: input }));
export const useRemoveContribution = () => useCommunityMutation((id: string) => api<void>(`/api/v1/community-contributions/${id}`, { method: 'DELETE' }));
export const useAddMembers = (id: string) => useCommunityMutation((input: CommunityMembersAddInput) => api<{ items: CommunityMemberDto[] }>(`/api/v1/communities/${id}/members`, { method: 'POST', body: input }));
export const useRemoveMember = (id: string) => useCommunityMutation((contactId: string) => api<void>(`/api/v1/communities/${id}/members`, { method: 'DELETE', body: { contactIds: [contactId] } }));
