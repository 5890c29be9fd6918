import { useQuery } from '@tanstack/react-query';
import type { InsightsDto } from '../../../contracts';
import { api } from '../../api/client';

export function useInsights(weeks = 12) {
  return useQuery({ queryKey: ['insights', weeks], queryFn: () => api<InsightsDto>('/api/v1/insights', { query: { weeks } }) });
}
