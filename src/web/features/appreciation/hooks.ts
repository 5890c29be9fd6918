import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AppreciationCreateInput, AppreciationDto, ContactLedgerDto, LedgerDto } from '../../../contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/hooks';

export type AppreciationPath = 'kudos' | 'favors';

export const appreciationKeys = {
  list: (path: AppreciationPath, direction?: string) => ['appreciation', path, direction ?? 'all'] as const,
  ledger: ['ledger', 'all'] as const,
  contactLedger: (contactId: string) => ['ledger', 'contact', contactId] as const,
};

/** Kudos and favors feed the ledger, goals (kudos given), the review and insights. */
export function invalidateAppreciationViews(client: QueryClient) {
  for (const key of ['appreciation', 'ledger', 'goals', 'review', 'insights']) void client.invalidateQueries({ queryKey: [key] });
}

export function useAppreciation(path: AppreciationPath, direction?: 'given' | 'received') {
  return useInfiniteQuery({
    queryKey: appreciationKeys.list(path, direction),
    queryFn: ({ pageParam }) => api<Page<AppreciationDto>>(`/api/v1/${path}`, { query: { direction, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateAppreciation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, ...input }: AppreciationCreateInput & { path: AppreciationPath }) => api<AppreciationDto>(`/api/v1/${path}`, { method: 'POST', body: input }),
    onSuccess: () => invalidateAppreciationViews(client),
  });
}

export function useDeleteAppreciation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, id }: { path: AppreciationPath; id: string }) => api<null>(`/api/v1/${path}/${id}`, { method: 'DELETE' }),
    onSuccess: () => invalidateAppreciationViews(client),
  });
}

export function useLedger() {
  return useQuery({ queryKey: appreciationKeys.ledger, queryFn: () => api<LedgerDto>('/api/v1/ledger', { query: { limit: 200 } }) });
}

export function useContactLedger(contactId: string) {
  return useQuery({ queryKey: appreciationKeys.contactLedger(contactId), queryFn: () => api<ContactLedgerDto>(`/api/v1/contacts/${contactId}/ledger`) });
}
