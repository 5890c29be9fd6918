import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconSpeakerphone } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { contentStatuses, engagementActions, type ContentPostDto, type ContentStatus } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { formatDateTime, todayIn } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ContactPicker } from '../interactions/quick-log';
import { useCreatePost, useEngage, useEngagements, usePosts, useUpdatePost } from './hooks';

const actionLabels = { commented: 'Commented', shared: 'Shared', reacted: 'Reacted', messaged: 'Messaged', endorsed: 'Endorsed' } as const;
const statusLabels: Record<ContentStatus, string> = { idea: 'Ideas', draft: 'Drafts', scheduled: 'Scheduled', published: 'Published' };
const nextStatus: Partial<Record<ContentStatus, ContentStatus>> = { idea: 'draft', draft: 'scheduled', scheduled: 'published' };

function EngagementLog() {
  const list = useEngagements();
  const engage = useEngage();
  const known = useRef(new Map<string, string>());
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [action, setAction] = useState<(typeof engagementActions)[number]>('commented');
  const [platform, setPlatform] = useState('LinkedIn');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contactIds.length) return setError('Choose whose post it was');
    engage.mutate(
      { contactId: contactIds[0]!, action, platform: platform.trim() || null, note: note.trim() || null },
      { onSuccess: () => (setContactIds([]), setNote(''), setError(undefined)), onError: (err) => setError(Object.values(fieldErrorsOf(err))[0] ?? err.message) },
    );
  };
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Paper withBorder p="sm">
        <form onSubmit={submit} aria-label="Log an engagement">
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group align="flex-end" gap="xs" wrap="wrap">
            <div style={{ flex: '1 1 200px' }}>
              <ContactPicker label="With" value={contactIds} onChange={setContactIds} known={known.current} maxValues={1} />
            </div>
            <Select label="What you did" data={engagementActions.map((a) => ({ value: a, label: actionLabels[a] }))} value={action} onChange={(v) => v && setAction(v as typeof action)} allowDeselect={false} w={140} />
            <TextInput label="Platform" value={platform} onChange={(e) => setPlatform(e.currentTarget.value)} w={130} />
            <TextInput label="About" placeholder="their post on async work" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 180px' }} />
            <Button type="submit" loading={engage.isPending}>
              Log
            </Button>
          </Group>
        </form>
      </Paper>
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No engagements yet" icon={<IconSpeakerphone />}>
          A thoughtful comment, a share or an endorsement keeps you in someone’s mind between conversations. Log them here: they count, lightly,
          toward the strength of the relationship.
        </EmptyState>
      ) : (
        <Stack gap={4}>
          {items.map((e) => (
            <Text key={e.id} size="sm">
              <Text span c="dimmed" size="xs">
                {formatDateTime(e.occurredAt)}
              </Text>{' '}
              <Anchor component={Link} to={`/contacts/${e.contactId}`}>
                {e.contactName}
              </Anchor>{' '}
              · {e.summary}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** A month grid with the posts planned or published on each day. */
function ContentCalendar({ posts }: { posts: ContentPostDto[] }) {
  const me = useMe();
  const [month, setMonth] = useState(() => todayIn(me.data?.timezone ?? 'UTC').slice(0, 7));
  const days = useMemo(() => {
    const first = new Date(`${month}-01T00:00:00Z`);
    const lead = (first.getUTCDay() + 6) % 7; // Monday first
    const count = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return [...Array.from({ length: lead }, () => null), ...Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  }, [month]);
  const shift = (n: number) => {
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + n);
    setMonth(d.toISOString().slice(0, 7));
  };
  const label = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <ActionIcon variant="default" aria-label="Previous month" onClick={() => shift(-1)}>
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Title order={3} size="h5">
          {label}
        </Title>
        <ActionIcon variant="default" aria-label="Next month" onClick={() => shift(1)}>
          <IconChevronRight size={16} />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={4} role="grid" aria-label={`Content calendar, ${label}`}>
        {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
          <Text key={d} size="xs" c="dimmed" ta="center">
            {d}
          </Text>
        ))}
        {days.map((day, i) => (
          <Paper key={day ?? `lead-${i}`} withBorder={Boolean(day)} p={4} mih={56}>
            {day && (
              <>
                <Text size="xs" c="dimmed">
                  {Number(day.slice(8))}
                </Text>
                {posts
                  .filter((p) => (p.publishedOn ?? p.plannedOn) === day)
                  .map((p) => (
                    <Badge key={p.id} size="xs" variant="light" color={p.status === 'published' ? 'green' : 'blue'} fullWidth title={p.topic} style={{ textTransform: 'none' }}>
                      {p.topic}
                    </Badge>
                  ))}
              </>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function ContentPlan() {
  const list = usePosts();
  const create = useCreatePost();
  const update = useUpdatePost();
  const [topic, setTopic] = useState('');
  const [platform, setPlatform] = useState('LinkedIn');
  const [plannedOn, setPlannedOn] = useState('');
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!topic.trim()) return setError('What is the post about?');
    create.mutate(
      { topic: topic.trim(), platform: platform.trim() || null, plannedOn: plannedOn || null, status: plannedOn ? 'scheduled' : 'idea' },
      { onSuccess: () => (setTopic(''), setPlannedOn(''), setError(undefined)), onError: (err) => setError(Object.values(fieldErrorsOf(err))[0] ?? err.message) },
    );
  };
  const posts = list.data?.items ?? [];
  return (
    <Stack>
      <Paper withBorder p="sm">
        <form onSubmit={submit} aria-label="Plan a post">
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Topic" placeholder="What remote onboarding taught us" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={error} style={{ flex: '2 1 240px' }} />
            <TextInput label="Platform" value={platform} onChange={(e) => setPlatform(e.currentTarget.value)} w={130} />
            <TextInput label="Planned for" type="date" value={plannedOn} onChange={(e) => setPlannedOn(e.currentTarget.value)} w={160} />
            <Button type="submit" mt={25} loading={create.isPending}>
              Add post
            </Button>
          </Group>
        </form>
      </Paper>
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} aria-label="Content plan">
            {contentStatuses.map((status) => (
              <Stack key={status} gap="xs" role="region" aria-label={statusLabels[status]}>
                <Title order={3} size="h5">
                  {statusLabels[status]} <Badge variant="light" color="gray">{posts.filter((p) => p.status === status).length}</Badge>
                </Title>
                {posts
                  .filter((p) => p.status === status)
                  .map((p) => (
                    <Card key={p.id} withBorder padding="xs">
                      <Text size="sm" fw={500}>
                        {p.topic}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[p.platform, p.publishedOn ?? p.plannedOn, p.mentions.map((m) => m.name).join(', ')].filter(Boolean).join(' · ')}
                      </Text>
                      {nextStatus[p.status] && (nextStatus[p.status] !== 'scheduled' || p.plannedOn) && (
                        <Button size="compact-xs" variant="subtle" mt={4} w="fit-content" onClick={() => update.mutate({ id: p.id, status: nextStatus[p.status]! })}>
                          → {statusLabels[nextStatus[p.status]!]}
                        </Button>
                      )}
                    </Card>
                  ))}
              </Stack>
            ))}
          </SimpleGrid>
          <ContentCalendar posts={posts} />
        </>
      )}
    </Stack>
  );
}

export default function SocialPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'plan' ? 'plan' : 'log';
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1}>Social media</Title>
        <Text c="dimmed">Engage with your network’s posts, and plan your own.</Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v === 'plan' ? { tab: 'plan' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log">Engagement log</Tabs.Tab>
          <Tabs.Tab value="plan">Content plan</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <EngagementLog />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <ContentPlan />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
