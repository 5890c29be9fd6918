import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GoalCreateInput, GoalDto, GoalListDto, ReviewDto } from '../../../contracts';
import { api } from '../../api/client';

export const goalKeys = {
  goals: ['goals'] as const,
  review: (week?: string) => ['review', week ?? 'last'] as const,
};

export function useGoals() {
  return useQuery({ queryKey: goalKeys.goals, queryFn: () => api<GoalListDto>('/api/v1/goals') });
}

export function useReview(week?: string) {
  return useQuery({ queryKey: goalKeys.review(week), queryFn: () => api<ReviewDto>('/api/v1/review', { query: { week } }) });
}

function useGoalMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['goals'] });
      void client.invalidateQueries({ queryKey: ['review'] });
      void client.invalidateQueries({ queryKey: ['insights'] });
    },
  });
}

export const useCreateGoal = () => useGoalMutation((input: GoalCreateInput) => api<GoalDto>('/api/v1/goals', { method: 'POST', body: input }));
export const useUpdateGoal = () => useGoalMutation(({ id, target }: { id: string; target: number }) => api<GoalDto>(`/api/v1/goals/${id}`, { method: 'PATCH', body: { target } }));
export const useDeleteGoal = () => useGoalMutation((id: string) => api<null>(`/api/v1/goals/${id}`, { method: 'DELETE' }));
