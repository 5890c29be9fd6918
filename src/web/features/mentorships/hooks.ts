import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MentorCandidateDto,
  MentorshipActionCreateInput,
  MentorshipActionDto,
  MentorshipActionUpdateInput,
  MentorshipCreateInput,
  MentorshipDto,
  MentorshipGoalDto,
  MentorshipGoalUpdateInput,
  MentorshipSessionCreateInput,
  MentorshipSessionDto,
  MentorshipUpdateInput,
} from '../../../contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/hooks';
import { relationshipKeys } from '../today/hooks';

export const mentorshipKeys = {
  all: ['mentorships'] as const,
  list: ['mentorships', 'list'] as const,
  one: (id: string) => ['mentorships', 'one', id] as const,
  sessions: (id: string) => ['mentorships', 'sessions', id] as const,
  candidates: (tag: string) => ['mentorships', 'candidates', tag] as const,
};

export function useMentorships() {
  return useQuery({ queryKey: mentorshipKeys.list, queryFn: () => api<Page<MentorshipDto>>('/api/v1/mentorships', { query: { limit: 200 } }) });
}

export function useMentorship(id: string) {
  return useQuery({ queryKey: mentorshipKeys.one(id), queryFn: () => api<MentorshipDto>(`/api/v1/mentorships/${id}`), retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2 });
}

export function useSessions(id: string) {
  return useQuery({ queryKey: mentorshipKeys.sessions(id), queryFn: () => api<{ items: MentorshipSessionDto[] }>(`/api/v1/mentorships/${id}/sessions`) });
}

export function useCandidates(tag: string) {
  return useQuery({ queryKey: mentorshipKeys.candidates(tag), queryFn: () => api<{ items: MentorCandidateDto[] }>('/api/v1/mentorships/candidates', { query: { tag: tag || undefined, limit: 10 } }) });
}

/** Every mentorship write may move follow-ups (next session, action items): those views refresh too. */
function useMentorshipMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: mentorshipKeys.all });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
    },
  });
}

export const useCreateMentorship = () => useMentorshipMutation((input: MentorshipCreateInput) => api<MentorshipDto>('/api/v1/mentorships', { method: 'POST', body: input }));
export const useUpdateMentorship = (id: string) => useMentorshipMutation((input: MentorshipUpdateInput) => api<MentorshipDto>(`/api/v1/mentorships/${id}`, { method: 'PATCH', body: input }));
export const useDeleteMentorship = () => useMentorshipMutation((id: string) => api<void>(`/api/v1/mentorships/${id}`, { method: 'DELETE' }));
export const useAddGoal = (id: string) => useMentorshipMutation((title: string) => api<MentorshipGoalDto>(`/api/v1/mentorships/${id}/goals`, { method: 'POST', body: { title } }));
export const useUpdateGoal = () => useMentorshipMutation(({ id, ...input }: MentorshipGoalUpdateInput & { id: string }) => api<MentorshipGoalDto>(`/api/v1/mentorship-goals/${id}`, { method: 'PATCH', body: input }));
export const useAddAction = (id: string) => useMentorshipMutation((input: MentorshipActionCreateInput) => api<MentorshipActionDto>(`/api/v1/mentorships/${id}/actions`, { method: 'POST', body: input }));
export const useUpdateAction = () => useMentorshipMutation(({ id, ...input }: MentorshipActionUpdateInput & { id: string }) => api<MentorshipActionDto>(`/api/v1/mentorship-actions/${id}`, { method: 'PATCH', body: input }));
export const useLogSession = (id: string) => useMentorshipMutation((input: MentorshipSessionCreateInput) => api<MentorshipSessionDto>(`/api/v1/mentorships/${id}/sessions`, { method: 'POST', body: input }));
