import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BookingSettingsDto, BookingSettingsUpdateInput, ChatCreateInput, ChatDto, ChatPrepDto, ChatQuestionCreateInput, ChatQuestionDto, ChatQuestionUpdateInput, ChatUpdateInput } from '../../../contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/hooks';
import { relationshipKeys } from '../today/hooks';

export const chatKeys = {
  all: ['chats'] as const,
  list: ['chats', 'list'] as const,
  prep: (id: string) => ['chats', 'prep', id] as const,
  questions: ['chat-questions'] as const,
  booking: ['booking-page'] as const,
};

/**
 * The whole pipeline at once (200 most recently changed): the board groups it by stage. Visitors of
 * the booking page add chats too, so it is refetched whenever the board is opened.
 */
export function useChats() {
  return useQuery({ queryKey: chatKeys.list, queryFn: () => api<Page<ChatDto>>('/api/v1/chats', { query: { limit: 200 } }), staleTime: 0 });
}

export function useChatPrep(id: string) {
  return useQuery({ queryKey: chatKeys.prep(id), queryFn: () => api<ChatPrepDto>(`/api/v1/chats/${id}/prep`), retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2 });
}

export function useCreateChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChatCreateInput) => api<ChatDto>('/api/v1/chats', { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: chatKeys.all });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

/** Moving a chat to held logs an interaction and adds a follow-up: those views refresh too. */
export function useUpdateChat(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChatUpdateInput) => api<ChatDto>(`/api/v1/chats/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (chat) => {
      void client.invalidateQueries({ queryKey: chatKeys.all });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
      void client.invalidateQueries({ queryKey: ['timeline', chat.contactId] });
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
    },
  });
}

export function useDeleteChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/chats/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useQuestions() {
  return useQuery({ queryKey: chatKeys.questions, queryFn: () => api<{ items: ChatQuestionDto[] }>('/api/v1/chat-questions') });
}

export function useAddQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChatQuestionCreateInput) => api<ChatQuestionDto>('/api/v1/chat-questions', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.questions }),
  });
}

export function useUpdateQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ChatQuestionUpdateInput & { id: string }) => api<ChatQuestionDto>(`/api/v1/chat-questions/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.questions }),
  });
}

export function useRemoveQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/chat-questions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.questions }),
  });
}

export function useBookingSettings() {
  return useQuery({ queryKey: chatKeys.booking, queryFn: () => api<BookingSettingsDto>('/api/v1/booking-page') });
}

export function useUpdateBookingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingSettingsUpdateInput) => api<BookingSettingsDto>('/api/v1/booking-page', { method: 'PATCH', body: input }),
    onSuccess: (settings) => client.setQueryData(chatKeys.booking, settings),
  });
}
