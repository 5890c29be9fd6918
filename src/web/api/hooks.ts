import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ApiTokenDto,
  ContactCreateInput,
  ContactDto,
  ContactUpdateInput,
  FollowUpCreateInput,
  FollowUpDto,
  FollowUpUpdateInput,
  InteractionCreateInput,
  InteractionDto,
  InteractionUpdateInput,
  MeDto,
  NoteDto,
  OrganizationDto,
  SearchHitDto,
  TagDto,
} from '../../contracts';
import { api, type QueryValue } from './client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ContactFilters {
  q?: string;
  tag?: string;
  organizationId?: string;
  circle?: string;
  starred?: boolean;
  archived?: boolean;
  due?: boolean;
  sort?: 'name' | 'lastInteraction' | 'nextDue' | 'created';
}

export const keys = {
  me: ['me'] as const,
  /** With the page size: pages of another size are another list (Home's one-contact probe is not the list's first page). */
  contacts: (filters?: ContactFilters, pageSize?: number) => (filters ? (['contacts', 'list', filters, pageSize ?? null] as const) : (['contacts'] as const)),
  contact: (id: string) => ['contacts', 'one', id] as const,
  timeline: (id: string) => ['timeline', id] as const,
  notes: (id: string) => ['notes', id] as const,
  followUps: (status: string, contactId?: string) => ['follow-ups', status, contactId ?? null] as const,
  organizations: (q?: string) => ['organizations', q ?? ''] as const,
  tags: ['tags'] as const,
  tokens: ['tokens'] as const,
  search: (q: string) => ['search', q] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await api<MeDto>('/api/v1/me');
      } catch (error) {
        if ((error as { status?: number }).status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useContacts(filters: ContactFilters, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: keys.contacts(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api<Page<ContactDto>>('/api/v1/contacts', { query: { ...(filters as Record<string, QueryValue>), limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: keys.contact(id), queryFn: () => api<ContactDto>(`/api/v1/contacts/${id}`), retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2 });
}

export function useTimeline(contactId: string) {
  return useInfiniteQuery({
    queryKey: keys.timeline(contactId),
    queryFn: ({ pageParam }) => api<Page<InteractionDto>>(`/api/v1/contacts/${contactId}/interactions`, { query: { limit: 30, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNotes(contactId: string) {
  return useQuery({ queryKey: keys.notes(contactId), queryFn: () => api<Page<NoteDto>>(`/api/v1/contacts/${contactId}/notes`, { query: { limit: 100 } }) });
}

export function useFollowUps(status: 'due' | 'upcoming' | 'done' | 'open' | 'all', contactId?: string) {
  return useInfiniteQuery({
    queryKey: keys.followUps(status, contactId),
    queryFn: ({ pageParam }) => api<Page<FollowUpDto>>('/api/v1/follow-ups', { query: { status, contactId, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganizations(q?: string) {
  return useQuery({ queryKey: keys.organizations(q), queryFn: () => api<Page<OrganizationDto>>('/api/v1/organizations', { query: { q, limit: 200 } }) });
}

export function useTags() {
  return useQuery({ queryKey: keys.tags, queryFn: () => api<Page<TagDto>>('/api/v1/tags', { query: { limit: 200 } }) });
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api<{ items: ApiTokenDto[] }>('/api/v1/tokens') });
}

export function useSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: ({ signal }) => api<{ items: SearchHitDto[] }>('/api/v1/search', { query: { q, limit: 12 }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

/** Everything that shows contacts or their derived facts is refreshed after a write. */
export function invalidateContactViews(client: QueryClient, contactIds: string[] = []) {
  void client.invalidateQueries({ queryKey: ['contacts'] });
  void client.invalidateQueries({ queryKey: ['follow-ups'] });
  void client.invalidateQueries({ queryKey: ['search'] });
  void client.invalidateQueries({ queryKey: ['today'] });
  for (const id of contactIds) void client.invalidateQueries({ queryKey: keys.timeline(id) });
}

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactCreateInput) => api<ContactDto>('/api/v1/contacts', { method: 'POST', body: input }),
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      invalidateContactViews(client);
      void client.invalidateQueries({ queryKey: ['tags'] });
      void client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactUpdateInput) => api<ContactDto>(`/api/v1/contacts/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      invalidateContactViews(client);
      void client.invalidateQueries({ queryKey: ['tags'] });
      void client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: keys.contact(id) });
      invalidateContactViews(client);
      void client.invalidateQueries({ queryKey: ['tags'] });
      void client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

export function useCreateInteraction() {
  return useMutation({
    mutationFn: (input: InteractionCreateInput) => api<InteractionDto>('/api/v1/interactions', { method: 'POST', body: input }),
  });
}

export function useCreateFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUpCreateInput) => api<FollowUpDto>('/api/v1/follow-ups', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useUpdateFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: FollowUpUpdateInput & { id: string }) => api<FollowUpDto>(`/api/v1/follow-ups/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useUpdateInteraction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: InteractionUpdateInput & { id: string }) => api<InteractionDto>(`/api/v1/interactions/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (interaction) => invalidateContactViews(client, interaction.contactIds),
  });
}

export function useDeleteInteraction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (interaction: InteractionDto) => api<void>(`/api/v1/interactions/${interaction.id}`, { method: 'DELETE' }),
    onSuccess: (_data, interaction) => invalidateContactViews(client, interaction.contactIds),
  });
}
