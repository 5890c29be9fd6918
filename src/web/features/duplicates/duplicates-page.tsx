import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { invalidateContactViews } from '../../api/hooks';
import type { ContactDto } from '../../../contracts/contacts';
import type { DuplicateContactDto, DuplicateGroupDto } from '../../../contracts/duplicates';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

const duplicateKeys = ['duplicates'] as const;

export function useDuplicates() {
  return useQuery({ queryKey: duplicateKeys, queryFn: () => api<{ items: DuplicateGroupDto[]; truncated: boolean }>('/api/v1/duplicates') });
}

export function useMergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api<ContactDto>('/api/v1/duplicates/merge', { method: 'POST', body: { ids } }),
    onSuccess: (_kept, ids) => {
      void client.invalidateQueries({ queryKey: duplicateKeys });
      invalidateContactViews(client, ids);
    },
  });
}

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="xs">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
}

function ContactCard({ c, keep, included, onKeep, onInclude }: { c: DuplicateContactDto; keep: boolean; included: boolean; onKeep: () => void; onInclude: (v: boolean) => void }) {
  return (
    <Paper withBorder p="sm" bg={keep ? 'var(--mantine-color-blue-light)' : undefined} aria-label={`${c.name}${keep ? ' (kept)' : ''}`} role="group">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/contacts/${c.id}`} fw={600}>
            {c.name}
          </Anchor>
          {keep && <Badge size="sm">kept</Badge>}
        </Group>
        <Field label="Organization" value={[c.title, c.organization].filter(Boolean).join(', ')} />
        <Field label="Emails" value={c.emails.join(', ')} />
        <Field label="Phones" value={c.phones.join(', ')} />
        <Field label="Profiles" value={c.profiles.join(', ')} />
        <Field label="Location" value={c.location} />
        <Field label="Last contact" value={c.lastInteractionAt?.slice(0, 10)} />
        <Text size="xs" c="dimmed">
          {c.interactions} interactions, {c.notes} notes, added {c.createdAt.slice(0, 10)}
        </Text>
        <Group gap="md" mt={4}>
          <Radio label="Keep this one" checked={keep} onChange={onKeep} aria-label={`Keep ${c.name}`} />
          {!keep && <Checkbox label="Merge in" checked={included} onChange={(e) => onInclude(e.currentTarget.checked)} aria-label={`Merge ${c.name} in`} />}
        </Group>
      </Stack>
    </Paper>
  );
}

function Group_({ group }: { group: DuplicateGroupDto }) {
  const [keepId, setKeepId] = useState(group.contacts[0]!.id);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const merge = useMergeContacts();
  const keep = group.contacts.find((c) => c.id === keepId)!;
  const others = group.contacts.filter((c) => c.id !== keepId && !excluded.has(c.id));
  return (
    <Paper withBorder p="md" component="section" aria-label={`Possible duplicates: ${keep.name}`}>
      <Stack>
        <Group gap="xs">
          {group.reasons.map((r) => (
            <Badge key={r} variant="light" color="gray">
              {r}
            </Badge>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: Math.min(group.contacts.length, 3) }}>
          {group.contacts.map((c) => (
            <ContactCard
              key={c.id}
              c={c}
              keep={c.id === keepId}
              included={!excluded.has(c.id)}
              onKeep={() => setKeepId(c.id)}
              onInclude={(v) =>
                setExcluded((s) => {
                  const next = new Set(s);
                  if (v) next.delete(c.id);
                  else next.add(c.id);
                  return next;
                })
              }
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button
            disabled={others.length === 0}
            loading={merge.isPending}
            onClick={() =>
              merge.mutate([keepId, ...others.map((o) => o.id)], {
                onSuccess: (kept) => notifications.show({ message: `Merged ${others.length} into ${kept.name}` }),
                onError: (e) => notifications.show({ color: 'red', message: e.message }),
              })
            }
          >
            {others.length === 0 ? 'Choose contacts to merge' : `Merge ${others.length} into ${keep.name}`}
          </Button>
          <Text size="xs" c="dimmed">
            Every interaction, note, follow-up, tag and profile moves to the kept contact.
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Likely duplicates side by side: pick the one to keep, merge the others into it. */
export default function DuplicatesPage() {
  const list = useDuplicates();
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        Duplicates
      </Title>
      {list.isPending && <LoadingState rows={3} />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title="No likely duplicates" icon={<IconCopy />}>Contacts that share an email, phone, profile or name show up here.</EmptyState>}
      {list.data?.items.map((g) => <Group_ key={g.contacts.map((c) => c.id).join()} group={g} />)}
      {list.data?.truncated && <Text size="sm" c="dimmed">More groups exist; merge these first.</Text>}
    </Stack>
  );
}
