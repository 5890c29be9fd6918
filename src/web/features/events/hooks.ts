import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventCreateInput, EventDto, EventPeopleAddInput, EventPersonDto, EventUpdateInput } from '../../../contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/hooks';
import { relationshipKeys } from '../today/hooks';

export const eventKeys = {
  all: ['events'] as const,
  list: ['events', 'list'] as const,
  one: (id: string) => ['events', 'one', id] as const,
  people: (id: string) => ['events', 'people', id] as const,
};

export function useEvents() {
  return useInfiniteQuery({
    queryKey: eventKeys.list,
    queryFn: ({ pageParam, signal }) => api<Page<EventDto>>('/api/v1/events', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.one(id), queryFn: () => api<EventDto>(`/api/v1/events/${id}`), retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2 });
}

export function useEventPeople(id: string) {
  return useQuery({ queryKey: eventKeys.people(id), queryFn: () => api<{ items: EventPersonDto[] }>(`/api/v1/events/${id}/people`) });
}

export function useCreateEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventCreateInput) => api<EventDto>('/api/v1/events', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: eventKeys.list }),
  });
}

export function useImportEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ics: string) => api<EventDto>('/api/v1/events/import-ics', { method: 'POST', body: { ics } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: eventKeys.list }),
  });
}

export function useUpdateEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventUpdateInput) => api<EventDto>(`/api/v1/events/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useDeleteEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/events/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: eventKeys.list }),
  });
}

/** Adding people met also creates contacts and follow-ups: those lists refresh too. */
export function useAddPeople(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventPeopleAddInput) => api<{ items: EventPersonDto[] }>(`/api/v1/events/${id}/people`, { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: eventKeys.all });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
      // Their follow-ups (and new contacts) are on the Today agenda.
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
    },
  });
}

export function useRemovePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api<void>(`/api/v1/events/${id}/people`, { method: 'DELETE', body: { contactIds: [contactId] } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
