import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { mentorshipGoalStatuses, mentorshipStatuses, type MentorshipDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { addDays, formatDate, formatDateTime, todayIn } from '../../ui/format';
import { ErrorState, LoadingState, LoadErrorState } from '../../ui/states';
import { useAddAction, useAddGoal, useDeleteMentorship, useLogSession, useMentorship, useSessions, useUpdateAction, useUpdateGoal, useUpdateMentorship } from './hooks';
import { roleText } from './mentorships-page';
import { DetailHeader } from '../../ui/detail-header';

const goalLabels = { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' } as const;

function Goals({ m }: { m: MentorshipDto }) {
  const add = useAddGoal(m.id);
  const update = useUpdateGoal();
  const [title, setTitle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) add.mutate(title.trim(), { onSuccess: () => setTitle('') });
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Goals
      </Title>
      <Stack gap={6}>
        {m.goals.length === 0 && (
          <Text size="sm" c="dimmed">
            One or two goals keep the sessions focused.
          </Text>
        )}
        {m.goals.map((g) => (
          <Group key={g.id} justify="space-between" wrap="nowrap">
            <Text size="sm" td={g.status === 'done' ? 'line-through' : undefined}>
              {g.title}
            </Text>
            <Select aria-label={`Status of ${g.title}`} size="xs" w={130} data={mentorshipGoalStatuses.map((s) => ({ value: s, label: goalLabels[s] }))} value={g.status} onChange={(v) => v && update.mutate({ id: g.id, status: v as typeof g.status })} allowDeselect={false} />
          </Group>
        ))}
        <form onSubmit={submit} aria-label="Add a goal">
          <Group gap="xs">
            <TextInput aria-label="New goal" placeholder="Lead a cross-team project" value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} size="xs" />
            <Button type="submit" size="xs" variant="default" loading={add.isPending}>
              Add goal
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

function Actions({ m }: { m: MentorshipDto }) {
  const me = useMe();
  const add = useAddAction(m.id);
  const update = useUpdateAction();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => addDays(todayIn(me.data?.timezone ?? 'UTC'), 7));
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('What is to be done?');
    add.mutate({ title: title.trim(), dueOn }, { onSuccess: () => (setTitle(''), setError(undefined)), onError: (err) => setError(Object.values(fieldErrorsOf(err))[0] ?? err.message) });
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Action items
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Each is a follow-up: it is on your Today list when due.
      </Text>
      <Stack gap={6}>
        {m.actions.map((a) => (
          <Checkbox
            key={a.id}
            checked={a.done}
            onChange={(e) => update.mutate({ id: a.id, done: e.currentTarget.checked })}
            label={
              <Text size="sm" td={a.done ? 'line-through' : undefined}>
                {a.title}
                {a.dueOn && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · due {formatDate(a.dueOn)}
                  </Text>
                )}
              </Text>
            }
          />
        ))}
        <form onSubmit={submit} aria-label="Add an action item">
          <Group gap="xs" align="flex-start">
            <TextInput aria-label="New action item" placeholder="Write the design doc" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error} style={{ flex: 1 }} size="xs" />
            <TextInput aria-label="Due" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} size="xs" w={150} />
            <Button type="submit" size="xs" variant="default" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

function Sessions({ m }: { m: MentorshipDto }) {
  const sessions = useSessions(m.id);
  const log = useLogSession(m.id);
  const [summary, setSummary] = useState('');
  const [duration, setDuration] = useState<number | ''>(30);
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!summary.trim()) return setError('What did you talk about?');
    log.mutate(
      { occurredAt: new Date().toISOString(), summary: summary.trim(), durationMinutes: duration === '' ? null : duration },
      {
        onSuccess: () => {
          setSummary('');
          setError(undefined);
          notifications.show({ message: 'Session logged' });
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Sessions
      </Title>
      <form onSubmit={submit} aria-label="Log a session">
        <Group gap="xs" align="flex-start" mb="xs">
          <TextInput aria-label="What you talked about" placeholder="What you talked about today" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={error} style={{ flex: 1 }} size="xs" />
          <NumberInput aria-label="Minutes" value={duration} onChange={(v) => setDuration(v === '' ? '' : Number(v))} min={1} size="xs" w={90} suffix=" min" />
          <Button type="submit" size="xs" loading={log.isPending}>
            Log session
          </Button>
        </Group>
      </form>
      {sessions.isPending ? (
        <LoadingState rows={2} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} />
      ) : sessions.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions yet.
        </Text>
      ) : (
        <Stack gap={4}>
          {sessions.data.items.map((s) => (
            <Text key={s.id} size="sm">
              {formatDateTime(s.occurredAt)} · {s.summary}
              {s.durationMinutes ? ` (${s.durationMinutes} min)` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default function MentorshipPage() {
  const { id = '' } = useParams();
  const query = useMentorship(id);
  const update = useUpdateMentorship(id);
  const remove = useDeleteMentorship();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <LoadErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  return (
    <Stack maw={1100}>
      <DetailHeader
        back={{ to: '/mentorships', label: 'Mentorships' }}
        title={m.focus}
        remove={{ id: m.id, what: 'this mentorship', consequence: 'Its goals and action items go with it; the sessions stay on the contact’s timeline.', mutation: remove }}
      >
        <Text c="dimmed">
          {roleText[m.role]}:{' '}
          <Anchor component={Link} to={`/contacts/${m.contactId}`}>
            {m.contactName}
          </Anchor>{' '}
          · since {formatDate(m.startedOn)}
        </Text>
      </DetailHeader>
      <Card withBorder>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select label="Status" data={mentorshipStatuses.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} value={m.status} onChange={(v) => v && update.mutate({ status: v as typeof m.status })} allowDeselect={false} w={140} />
          <NumberInput label="A session every (days)" defaultValue={m.cadenceDays ?? undefined} min={1} max={365} w={180} onBlur={(e) => {
              const cadenceDays = e.currentTarget.value ? Number(e.currentTarget.value) : null;
              if (cadenceDays !== m.cadenceDays) update.mutate({ cadenceDays });
            }} />
          <div>
            <Text size="sm">{m.nextSessionOn ? `Next session by ${formatDate(m.nextSessionOn)}` : 'No session planned'}</Text>
            <Text size="xs" c="dimmed">
              {m.lastSessionAt ? `Last one ${formatDateTime(m.lastSessionAt)}` : 'No session yet'}
            </Text>
          </div>
        </Group>
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Goals m={m} />
            <Actions m={m} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Sessions m={m} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
