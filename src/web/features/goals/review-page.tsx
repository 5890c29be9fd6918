import { useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Card, Group, NumberInput, Progress, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconTarget, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { GoalDto, GoalMetric } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { formatDate, kindLabels } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useCreateGoal, useDeleteGoal, useGoals, useReview, useUpdateGoal } from './hooks';

const metricLabels: Record<GoalMetric, string> = { reach_outs: 'Reach-outs', new_connections: 'New connections', kudos_given: 'Kudos given', community_contributions: 'Community contributions' };
const metricHelp: Record<GoalMetric, string> = {
  reach_outs: 'interactions you initiated',
  new_connections: 'contacts added',
  kudos_given: 'kudos you gave',
  community_contributions: 'contributions recorded in your communities',
};

const weeks = (n: number) => `${n} week${n === 1 ? '' : 's'}`;

function GoalCard({ goal }: { goal: GoalDto }) {
  const update = useUpdateGoal();
  const remove = useDeleteGoal();
  const [target, setTarget] = useState<string | number>(goal.target);
  const changed = Number(target) !== goal.target && Number(target) >= 1;
  return (
    <Card withBorder aria-label={`${goal.label} goal`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{goal.label}</Text>
          <Text size="xs" c="dimmed">
            {metricHelp[goal.metric]}
          </Text>
        </div>
        <Tooltip label="Remove goal">
          <ActionIcon variant="subtle" color="red" aria-label={`Remove the ${goal.label.toLowerCase()} goal`} onClick={() => remove.mutate(goal.id)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group justify="space-between" mt="sm" mb={4}>
        <Text size="sm">
          This week: {goal.thisWeek} of {goal.target}
        </Text>
        {goal.met && <Badge color="teal">Met</Badge>}
      </Group>
      <Progress value={Math.min(100, (goal.thisWeek / goal.target) * 100)} color={goal.met ? 'teal' : 'indigo'} aria-label={`${goal.label}: ${goal.thisWeek} of ${goal.target} this week`} />
      <Text size="sm" mt="sm" fw={500}>
        Streak: {weeks(goal.streak)}
      </Text>
      <Group gap={4} mt={4} aria-label="Last 8 weeks">
        {goal.history.map((w) => (
          <Tooltip key={w.weekStart} label={`Week of ${formatDate(w.weekStart)}: ${w.count}`}>
            <div style={{ width: 14, height: 14, borderRadius: 3, background: w.met ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-3)' }} />
          </Tooltip>
        ))}
      </Group>
      <Group gap="xs" mt="sm" align="flex-end">
        <NumberInput label="Weekly target" min={1} max={1000} value={target} onChange={setTarget} w={130} size="xs" />
        <Button size="xs" variant="default" disabled={!changed} loading={update.isPending} onClick={() => update.mutate({ id: goal.id, target: Number(target) })}>
          Save
        </Button>
      </Group>
    </Card>
  );
}

function NewGoalForm({ missing }: { missing: GoalMetric[] }) {
  const create = useCreateGoal();
  const [metric, setMetric] = useState<string | null>(missing[0] ?? null);
  const [target, setTarget] = useState<string | number>(3);
  const errors = fieldErrorsOf(create.error);
  if (!missing.length) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!metric) return;
    create.mutate({ metric: metric as GoalMetric, target: Number(target) }, { onSuccess: () => setMetric(missing.find((m) => m !== metric) ?? null) });
  }
  return (
    <form onSubmit={submit} aria-label="Set a weekly goal">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select label="Goal" data={missing.map((m) => ({ value: m, label: metricLabels[m] }))} value={metric} onChange={setMetric} error={errors.metric} w={200} allowDeselect={false} />
        <NumberInput label="Per week" min={1} max={1000} value={target} onChange={setTarget} error={errors.target} w={110} />
        <Button type="submit" loading={create.isPending} leftSection={<IconTarget size={16} />}>
          Set goal
        </Button>
      </Group>
    </form>
  );
}

function GoalsSection() {
  const goals = useGoals();
  if (goals.isPending) return <LoadingState rows={2} />;
  if (goals.isError) return <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />;
  const have = new Set(goals.data.items.map((g) => g.metric));
  const missing = (Object.keys(metricLabels) as GoalMetric[]).filter((m) => !have.has(m));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Weekly goals
        </Title>
        <Text size="sm" c="dimmed">
          Week of {formatDate(goals.data.weekStart)} to {formatDate(goals.data.weekEnd)} ({goals.data.timezone})
        </Text>
      </Group>
      {goals.data.items.length === 0 ? (
        <EmptyState title="No weekly goals yet" icon={<IconTarget />}>
          Small weekly targets keep you in touch: reach out to a few people, add a new connection, thank someone.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {goals.data.items.map((g) => (
            <GoalCard key={`${g.id}-${g.target}`} goal={g} />
          ))}
        </SimpleGrid>
      )}
      <NewGoalForm key={missing.join()} missing={missing} />
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

function ReviewSection() {
  const review = useReview();
  if (review.isPending) return <LoadingState rows={3} />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const { lastWeek: w, weekAhead: a } = review.data;
  const byKind = Object.entries(w.interactionsByKind).sort((x, y) => y[1] - x[1]);
  const ahead = [
    ...a.followUpsDue.map((f) => ({ key: f.id, on: f.snoozedUntil && f.snoozedUntil > f.dueOn ? f.snoozedUntil : f.dueOn, what: 'Follow-up', contactId: f.contactId, contactName: f.contactName, text: f.reason })),
    ...[...a.birthdays, ...a.milestones].map((m) => ({ key: `${m.kind}-${m.contactId}-${m.on}-${m.title}`, on: m.on, what: m.kind === 'birthday' ? 'Birthday' : 'Milestone', contactId: m.contactId, contactName: m.contactName, text: m.title })),
  ].sort((x, y) => x.on.localeCompare(y.on));
  return (
    <Stack>
      <Title order={2} size="h3">
        Last week: {formatDate(w.start)} to {formatDate(w.end)}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <Stat label="Interactions" value={w.interactions} />
        <Stat label="You reached out" value={w.reachOuts} />
        <Stat label="New contacts" value={w.newContacts} />
        <Stat label="Kudos given" value={w.kudosGiven} />
        <Stat label="Kudos received" value={w.kudosReceived} />
        <Stat label="Follow-ups done" value={w.followUpsDone} />
      </SimpleGrid>
      {byKind.length > 0 && (
        <Text size="sm" c="dimmed">
          {byKind.map(([k, n]) => `${n} ${(kindLabels as Record<string, string>)[k] ?? k}`).join(' · ')}
          {w.favorsGiven + w.favorsReceived > 0 && ` · favors: gave ${w.favorsGiven}, received ${w.favorsReceived}`}
        </Text>
      )}
      {w.goals.length > 0 && (
        <Group gap="xs">
          {w.goals.map((g) => (
            <Badge key={g.metric} color={g.met ? 'teal' : 'orange'} variant="light" size="lg">
              {g.label}: {g.count}/{g.target} {g.met ? 'met' : 'missed'}
            </Badge>
          ))}
        </Group>
      )}
      <Title order={2} size="h3" mt="md">
        The week ahead
      </Title>
      {a.overdueFollowUps > 0 && (
        <Text c="red" size="sm">
          {a.overdueFollowUps} follow-up{a.overdueFollowUps === 1 ? ' is' : 's are'} overdue. <Link to="/follow-ups">See them</Link>
        </Text>
      )}
      {ahead.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing planned for the next seven days.
        </Text>
      ) : (
        <Stack gap={6}>
          {ahead.map((item) => (
            <Group key={item.key} gap="sm" wrap="nowrap">
              <Text size="sm" w={110} c="dimmed">
                {formatDate(item.on)}
              </Text>
              <Badge variant="light" w={90}>
                {item.what}
              </Badge>
              <Text size="sm">
                <Link to={`/contacts/${item.contactId}`}>{item.contactName}</Link>: {item.text}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export default function ReviewPage() {
  return (
    <Stack maw={1100} gap="xl">
      <Title order={1}>Weekly review</Title>
      <GoalsSection />
      <ReviewSection />
    </Stack>
  );
}
