import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MilestoneCreateInput,
  MilestoneDto,
  RelationshipSettingsDto,
  RelationshipSettingsUpdateInput,
  TemplateCreateInput,
  TemplateDto,
  TemplatePreviewDto,
  TemplatePreviewRequestInput,
  TodayActionInput,
  TodayDto,
} from '../../../contracts';
import { api } from '../../api/client';

export const relationshipKeys = {
  today: ['today'] as const,
  settings: ['relationship-settings'] as const,
  milestones: (contactId?: string) => ['milestones', contactId ?? null] as const,
  templates: ['templates'] as const,
};

export function useToday() {
  return useQuery({ queryKey: relationshipKeys.today, queryFn: () => api<TodayDto>('/api/v1/today') });
}

/** Done or snooze an agenda item; the agenda, follow-ups and contacts change with it. */
export function useTodayAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TodayActionInput) => api<null>('/api/v1/today/actions', { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useTemplatePreview() {
  return useMutation({ mutationFn: (input: TemplatePreviewRequestInput) => api<TemplatePreviewDto>('/api/v1/templates/preview', { method: 'POST', body: input }) });
}

export function useRelationshipSettings() {
  return useQuery({ queryKey: relationshipKeys.settings, queryFn: () => api<RelationshipSettingsDto>('/api/v1/relationship-settings') });
}

export function useUpdateRelationshipSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RelationshipSettingsUpdateInput) => api<RelationshipSettingsDto>('/api/v1/relationship-settings', { method: 'PATCH', body: input }),
    onSuccess: (data) => {
      client.setQueryData(relationshipKeys.settings, data);
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useMilestones(contactId: string) {
  return useQuery({ queryKey: relationshipKeys.milestones(contactId), queryFn: () => api<{ items: MilestoneDto[] }>('/api/v1/milestones', { query: { contactId } }) });
}

function useMilestoneMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['milestones'] });
      void client.invalidateQueries({ queryKey: relationshipKeys.today });
    },
  });
}

export const useCreateMilestone = () => useMilestoneMutation((input: MilestoneCreateInput) => api<MilestoneDto>('/api/v1/milestones', { method: 'POST', body: input }));
export const useDeleteMilestone = () => useMilestoneMutation((id: string) => api<null>(`/api/v1/milestones/${id}`, { method: 'DELETE' }));

export function useTemplates() {
  return useQuery({ queryKey: relationshipKeys.templates, queryFn: () => api<{ items: TemplateDto[] }>('/api/v1/templates') });
}

function useTemplateMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: relationshipKeys.templates }) });
}

export const useCreateTemplate = () => useTemplateMutation((input: TemplateCreateInput) => api<TemplateDto>('/api/v1/templates', { method: 'POST', body: input }));
export const useUpdateTemplate = () => useTemplateMutation(({ id, ...input }: { id: string; name?: string; body?: string }) => api<TemplateDto>(`/api/v1/templates/${id}`, { method: 'PATCH', body: input }));
export const useDeleteTemplate = () => useTemplateMutation((id: string) => api<null>(`/api/v1/templates/${id}`, { method: 'DELETE' }));
