import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { invalidateContactViews } from '../../api/hooks';
import type { ImportDto, ImportOptionsInput } from '../../../contracts/imports';

type Page<T> = { items: T[]; nextCursor: string | null };

export const importKeys = { history: ['imports'] as const };

function afterImportChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: importKeys.history });
  invalidateContactViews(client);
  void client.invalidateQueries({ queryKey: ['duplicates'] });
}

export function useImportHistory() {
  return useInfiniteQuery({
    queryKey: importKeys.history,
    queryFn: ({ pageParam }) => api<Page<ImportDto>>('/api/v1/imports', { query: { limit: 20, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRepreviewImport() {
  return useMutation({
    mutationFn: ({ id, options }: { id: string; options: ImportOptionsInput }) => api<ImportDto>(`/api/v1/imports/${id}/preview`, { method: 'POST', body: options }),
  });
}

export function useApplyImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportDto>(`/api/v1/imports/${id}/apply`, { method: 'POST' }),
    onSuccess: () => afterImportChange(client),
  });
}

export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportDto>(`/api/v1/imports/${id}/undo`, { method: 'POST' }),
    onSuccess: () => afterImportChange(client),
  });
}
