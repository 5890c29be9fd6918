import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContentPostCreateInput, ContentPostDto, ContentPostUpdateInput, EngagementCreateInput, EngagementDto } from '../../../contracts';
import { api } from '../../api/client';
import { relationshipKeys } from '../today/hooks';

export const socialKeys = { engagements: ['engagements'] as const, posts: ['content-posts'] as const };

export const useEngagements = () => useQuery({ queryKey: socialKeys.engagements, queryFn: () => api<{ items: EngagementDto[] }>('/api/v1/engagements', { query: { limit: 100 } }) });
export const usePosts = () => useQuery({ queryKey: socialKeys.posts, queryFn: () => api<{ items: ContentPostDto[] }>('/api/v1/content-posts') });

/** An engagement is an interaction too: timelines, contacts (strength) and the agenda refresh. */
export function useEngage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EngagementCreateInput) => api<EngagementDto>('/api/v1/engagements', { method: 'POST', body: input }),
    onSuccess: (e) => {
      void client.invalidateQueries({ queryKey: socialKeys.engagements });
      void client.invalidateQueries({ queryKey: ['timeline', e.contactId] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
    },
  });
}

export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: ContentPostCreateInput) => api<ContentPostDto>('/api/v1/content-posts', { method: 'POST', body: input }), onSuccess: () => void client.invalidateQueries({ queryKey: socialKeys.posts }) });
}

export function useUpdatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ContentPostUpdateInput & { id: string }) => api<ContentPostDto>(`/api/v1/content-posts/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: socialKeys.posts }),
  });
}
