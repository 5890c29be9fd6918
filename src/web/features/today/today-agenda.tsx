import { useEffect, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Avatar, Badge, Button, CopyButton, Group, Menu, Paper, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClockPause, IconCopy, IconMessage, IconPencilPlus, IconSunHigh } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TodayItemDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { addDays, formatDate, initials } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useQuickLog } from '../interactions/quick-log';
import { useTemplatePreview, useToday, useTodayAction } from './hooks';

const typeLabels: Record<TodayItemDto['type'], { label: string; color: string }> = {
  follow_up: { label: 'Follow-up', color: 'orange' },
  cadence: { label: 'Keep in touch', color: 'indigo' },
  milestone: { label: 'Celebrate', color: 'grape' },
  dormant: { label: 'Reconnect', color: 'teal' },
  new_contact: { label: 'New contact', color: 'blue' },
};

function Draft({ item }: { item: TodayItemDto }) {
  const preview = useTemplatePreview();
  const [text, setText] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { mutate } = preview;
  useEffect(() => {
    mutate({ contactId: item.contactId, purpose: item.draftPurpose, ...(item.eventName && { eventName: item.eventName }) }, { onSuccess: (p) => setText(p.text) });
  }, [mutate, item.contactId, item.draftPurpose, item.eventName, attempt]);
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (text === null) return <LoadingState rows={2} />;
  return (
    <Stack gap={6} mt="sm">
      <Textarea label={`Draft for ${item.contactName}`} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Group justify="flex-end">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" color={copied ? 'green' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy to clipboard'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function AgendaItem({ item, today }: { item: TodayItemDto; today: string }) {
  const quickLog = useQuickLog();
  const action = useTodayAction();
  const [drafting, setDrafting] = useState(false);
  const [picking, setPicking] = useState(false);
  const [until, setUntil] = useState(addDays(today, 3));
  const type = typeLabels[item.type];
  const snooze = (day: string) =>
    action.mutate(
      { item: item.id, action: 'snooze', until: day },
      { onSuccess: () => (setPicking(false), notifications.show({ message: `${item.contactName}: snoozed until ${formatDate(day)}` })) },
    );
  const pickDate = (event: FormEvent) => {
    event.preventDefault();
    snooze(until);
  };
  return (
    <Paper withBorder p="sm" component="li" aria-label={`${item.title}: ${item.reason}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }} align="flex-start">
          <Avatar radius="xl" size="md" color={type.color} aria-hidden>
            {initials(item.contactName)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/contacts/${item.contactId}`} fw={600} size="sm" truncate>
                {item.contactName}
              </Anchor>
              <Badge size="xs" variant="light" color={type.color}>
                {type.label}
              </Badge>
            </Group>
            {item.type !== 'cadence' && item.type !== 'dormant' && (
              <Text size="sm" truncate>
                {item.title}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {item.reason}
            </Text>
          </div>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="light" leftSection={<IconPencilPlus size={12} />} onClick={() => quickLog.open([{ id: item.contactId, name: item.contactName }])} aria-label={`Log an interaction with ${item.contactName}`}>
            Log
          </Button>
          <Tooltip label="Draft a message">
            <ActionIcon variant={drafting ? 'filled' : 'default'} aria-label={`Draft a message to ${item.contactName}`} aria-expanded={drafting} onClick={() => setDrafting((d) => !d)}>
              <IconMessage size={16} />
            </ActionIcon>
          </Tooltip>
          {item.actions.includes('snooze') && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Tooltip label="Snooze">
                  <ActionIcon variant="default" aria-label={`Snooze ${item.contactName}`}>
                    <IconClockPause size={16} />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => snooze(addDays(today, 1))}>Until tomorrow</Menu.Item>
                <Menu.Item onClick={() => snooze(addDays(today, 7))}>For a week</Menu.Item>
                <Menu.Item onClick={() => setPicking(true)}>Pick a date…</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          <Tooltip label="Done for now">
            <ActionIcon
              variant="light"
              color="green"
              aria-label={`Mark ${item.contactName} done`}
              loading={action.isPending}
              onClick={() => action.mutate({ item: item.id, action: 'done' }, { onSuccess: () => notifications.show({ message: `${item.contactName}: done` }) })}
            >
              <IconCheck size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {picking && (
        <form onSubmit={pickDate}>
          <Group mt="sm" align="flex-end" gap="xs">
            <TextInput type="date" label="Snooze until" size="xs" min={addDays(today, 1)} value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={fieldErrorsOf(action.error).until} />
            <Button size="xs" type="submit" loading={action.isPending}>
              Snooze
            </Button>
            <Button size="xs" variant="default" onClick={() => setPicking(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
      {drafting && <Draft item={item} />}
    </Paper>
  );
}

/** The Today agenda: whom to reach out to, why, and one click to act on it. */
export function TodayAgenda() {
  const today = useToday();
  if (today.isPending) return <LoadingState rows={4} />;
  if (today.isError) return <ErrorState error={today.error} onRetry={() => void today.refetch()} />;
  const { items, more, date, budget } = today.data;
  const reminders = today.data.reminders ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Today · {formatDate(date)}
        </Title>
        <Text size="sm" c="dimmed">
          {items.length} of your daily {budget}
          {more > 0 && ` · ${more} more waiting`}
        </Text>
      </Group>
      {reminders.length > 0 && (
        <Stack gap={4} component="ul" aria-label="Your plans for today" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reminders.map((r) => (
            <Paper key={r.id} component="li" withBorder p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color="cyan">
                    Post
                  </Badge>
                  <Text size="sm">{r.reason}</Text>
                </Group>
                <Anchor component={Link} to={r.link} size="sm">
                  Open the content plan
                </Anchor>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {items.length === 0 ? (
        <EmptyState title="Nothing for today" icon={<IconSunHigh />}>
          You are all caught up. Set circles and cadences in Settings to get reminders.
        </EmptyState>
      ) : (
        <Stack gap="xs" component="ol" aria-label="Today's agenda" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <AgendaItem key={item.id} item={item} today={date} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
