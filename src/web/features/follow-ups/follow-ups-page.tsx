import { useRef, useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { formErrorsOf } from '../../api/client';
import { useCreateFollowUp, useFollowUps, useMe } from '../../api/hooks';
import { addDays, todayIn } from '../../ui/format';
import { ContactPicker } from '../interactions/quick-log';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { FollowUpList } from './follow-up-list';

const tabs = [
  { value: 'due', label: 'Due', empty: 'Nothing due. You are all caught up.' },
  { value: 'upcoming', label: 'Upcoming', empty: 'No follow-ups planned. Add one above or from a contact’s page.' },
  { value: 'done', label: 'Done', empty: 'Nothing done yet.' },
] as const;

function FollowUpTab({ status, empty }: { status: 'due' | 'upcoming' | 'done'; empty: string }) {
  const list = useFollowUps(status);
  if (list.isPending) return <LoadingState rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyState title={empty} icon={<IconBell />} />;
  return (
    <Stack>
      <FollowUpList items={items} />
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}

/** A new follow-up: whom (server search), when, and why. */
export function FollowUpCreateForm() {
  const me = useMe();
  const today = todayIn(me.data?.timezone ?? 'UTC');
  const create = useCreateFollowUp();
  const known = useRef(new Map<string, string>());
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState(() => addDays(today, 7));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!contactIds.length) problems.contactId = 'Choose a contact';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) problems.dueOn = 'Pick a due date';
    if (!reason.trim()) problems.reason = 'Say what to follow up about';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const contactId = contactIds[0]!;
    create.mutate(
      { contactId, dueOn, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ message: `Follow-up with ${known.current.get(contactId) ?? 'the contact'} added` });
          setContactIds([]);
          setReason('');
        },
        onError: (error) => {
          setErrors(formErrorsOf(error));
        },
      },
    );
  }

  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Add a follow-up">
        <Stack gap="xs">
          {errors._ && (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          <Group align="flex-start" wrap="wrap" gap="xs">
            <div style={{ flex: '1 1 220px' }}>
              <ContactPicker label="Contact" value={contactIds} onChange={setContactIds} known={known.current} maxValues={1} error={errors.contactId} />
            </div>
            <TextInput label="Due" type="date" required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} w={170} />
          </Group>
          <Group align="flex-start" wrap="wrap" gap="xs">
            <TextInput label="Follow up about" required placeholder="Send the article we talked about" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} style={{ flex: '1 1 260px' }} />
            <Button type="submit" mt={25} loading={create.isPending}>
              Add follow-up
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function FollowUpsPage() {
  const [params, setParams] = useSearchParams();
  const current = (params.get('status') as 'due' | 'upcoming' | 'done' | null) ?? 'due';
  return (
    <Stack maw={900}>
      <Title order={1}>Follow-ups</Title>
      <FollowUpCreateForm />
      <Tabs value={current} onChange={(v) => setParams(v && v !== 'due' ? { status: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            <FollowUpTab status={t.value} empty={t.empty} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
