import { createContext, useCallback, useContext, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { ContactDto, InteractionDto, InteractionKind } from '../../../contracts';
import { api, fieldErrorsOf } from '../../api/client';
import { invalidateContactViews, keys, useCreateInteraction, type Page } from '../../api/hooks';
import { kindLabels } from '../../ui/format';

export interface ContactRef {
  id: string;
  name: string;
}

interface QuickLogApi {
  open(contacts?: ContactRef[]): void;
}

const QuickLogContext = createContext<QuickLogApi>({ open: () => undefined });
export const useQuickLog = () => useContext(QuickLogContext);

/** "2026-05-04T09:30" for a datetime-local input, in the browser's zone. */
export function localInputValue(date = new Date()): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const kindOptions = Object.entries(kindLabels).map(([value, label]) => ({ value, label }));

export function QuickLogProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const [initial, setInitial] = useState<ContactRef[]>([]);
  const [formKey, setFormKey] = useState(0);
  const open = useCallback((contacts: ContactRef[] = []) => {
    setInitial(contacts);
    setFormKey((k) => k + 1);
    setOpened(true);
  }, []);
  useHotkeys([['l', () => open()]]);
  const value = useMemo(() => ({ open }), [open]);
  return (
    <QuickLogContext.Provider value={value}>
      {children}
      <Modal opened={opened} onClose={() => setOpened(false)} title="Log an interaction" size="lg">
        <QuickLogForm key={formKey} initialContacts={initial} onDone={() => setOpened(false)} />
      </Modal>
    </QuickLogContext.Provider>
  );
}

/**
 * Choose contacts by name with a debounced server search (the quick log's picker).
 * `known` collects the names of every contact seen, so a caller can name the chosen ones.
 */
export function ContactPicker({
  label,
  value,
  onChange,
  known,
  error,
  maxValues,
  autofocus,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  known: Map<string, string>;
  error?: string;
  maxValues?: number;
  autofocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const matches = useQuery({
    queryKey: ['contacts', 'pick', debounced],
    queryFn: ({ signal }) => api<Page<ContactDto>>('/api/v1/contacts', { query: { q: debounced || undefined, limit: 10, sort: debounced ? undefined : 'lastInteraction' }, signal }),
    placeholderData: (previous) => previous,
  });
  for (const c of matches.data?.items ?? []) known.set(c.id, c.name);
  const options = useMemo(() => {
    const ids = new Set([...value, ...(matches.data?.items ?? []).map((c) => c.id)]);
    return [...ids].map((id) => ({ value: id, label: known.get(id) ?? id }));
  }, [value, matches.data, known]);
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : 'Type a name'}
      data={options}
      value={value}
      onChange={onChange}
      maxValues={maxValues}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={matches.isFetching ? 'Searching…' : 'No contact found'}
      error={error}
      data-autofocus={autofocus || undefined}
      required
    />
  );
}

export function QuickLogForm({ initialContacts, onDone }: { initialContacts: ContactRef[]; onDone: () => void }) {
  const client = useQueryClient();
  const create = useCreateInteraction();
  const [selected, setSelected] = useState<string[]>(initialContacts.map((c) => c.id));
  const known = useRef(new Map(initialContacts.map((c) => [c.id, c.name])));
  const [kind, setKind] = useState<InteractionKind>('coffee_chat');
  const [when, setWhen] = useState(localInputValue());
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!selected.length) problems.contactIds = 'Choose at least one contact';
    if (!summary.trim()) problems.summary = 'Say in a few words what happened';
    const occurred = new Date(when);
    if (!when || Number.isNaN(occurred.getTime())) problems.occurredAt = 'Pick a date and time';
    setErrors(problems);
    if (Object.keys(problems).length) return;

    const input = { contactIds: selected, kind, occurredAt: occurred.toISOString(), summary: summary.trim() };
    const names = selected.map((id) => known.current.get(id) ?? 'a contact');
    // Optimistic: the interaction shows on each timeline at once; the server's answer replaces it.
    const tempId = `pending-${Date.now()}`;
    const now = new Date().toISOString();
    const optimistic: InteractionDto = { id: tempId, ...input, notes: null, durationMinutes: null, initiatedBy: null, createdAt: now, updatedAt: now };
    for (const id of selected) {
      client.setQueryData<InfiniteData<Page<InteractionDto>>>(keys.timeline(id), (data) =>
        data ? { ...data, pages: data.pages.map((p, i) => (i === 0 ? { ...p, items: [optimistic, ...p.items] } : p)) } : data,
      );
    }
    onDone();
    let undone = false;
    const notificationId = `logged-${tempId}`;
    const created = create.mutateAsync(input);
    const undo = async () => {
      undone = true;
      notifications.update({ id: notificationId, message: 'Undoing…', loading: true, autoClose: false });
      try {
        const interaction = await created;
        await api(`/api/v1/interactions/${interaction.id}`, { method: 'DELETE' });
        notifications.update({ id: notificationId, message: 'Interaction removed', loading: false, autoClose: 3000 });
      } catch {
        notifications.update({ id: notificationId, message: 'Nothing to undo', loading: false, autoClose: 3000 });
      }
      invalidateContactViews(client, selected);
    };
    notifications.show({
      id: notificationId,
      title: 'Interaction logged',
      autoClose: 8000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" lineClamp={2}>
            {kindLabels[kind]} with {names.join(', ')}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => void undo()}>
            Undo
          </Button>
        </Group>
      ),
    });
    created
      .then(() => {
        if (!undone) invalidateContactViews(client, selected);
      })
      .catch((error: unknown) => {
        invalidateContactViews(client, selected);
        notifications.update({ id: notificationId, title: 'Could not log the interaction', message: error instanceof Error ? error.message : String(error), color: 'red', autoClose: 8000 });
      });
  }

  const serverErrors = fieldErrorsOf(create.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ContactPicker label="With" value={selected} onChange={setSelected} known={known.current} error={errors.contactIds ?? serverErrors.contactIds} autofocus />
        <Group grow align="flex-start" wrap="wrap">
          <Select label="Kind" data={kindOptions} value={kind} onChange={(v) => v && setKind(v as InteractionKind)} allowDeselect={false} miw={180} />
          <TextInput label="When" type="datetime-local" value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={errors.occurredAt ?? serverErrors.occurredAt} miw={180} />
        </Group>
        <TextInput label="Summary" placeholder="Talked about her new role" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary ?? serverErrors.summary} required maxLength={500} />
        <Group justify="flex-end">
          <Button type="submit">Log it</Button>
        </Group>
      </Stack>
    </form>
  );
}
