import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { EventDto } from '../../../contracts';
import { formErrorsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { formatDate, todayIn } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useCreateEvent, useEvents, useImportEvent } from './hooks';

export const roleLabels = { attendee: 'Attendee', speaker: 'Speaker', organizer: 'Organizer' } as const;

export const eventDates = (e: Pick<EventDto, 'startsOn' | 'endsOn'>) => (e.startsOn === e.endsOn ? formatDate(e.startsOn) : `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`);

export function FollowUpProgress({ event }: { event: EventDto }) {
  const share = event.met ? Math.round((event.followedUp / event.met) * 100) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">
        Met <b>{event.met}</b>, followed up <b>{event.followedUp}</b>
        {event.waiting > 0 && <Text span c="orange" size="sm">{` · ${event.waiting} waiting`}</Text>}
      </Text>
      <Progress value={share} color={share === 100 ? 'green' : 'blue'} aria-label={`${event.followedUp} of ${event.met} followed up`} />
    </Stack>
  );
}

function EventCreateForm() {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateEvent();
  const importIcs = useImportEvent();
  const file = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState(() => todayIn(me.data?.timezone ?? 'UTC'));
  const [endsOn, setEndsOn] = useState('');
  const [link, setLink] = useState('');
  const [role, setRole] = useState<keyof typeof roleLabels>('attendee');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Name the event' });
    create.mutate(
      { name: name.trim(), startsOn, endsOn: endsOn || undefined, link: link.trim() || undefined, role },
      {
        onSuccess: (created) => navigate(`/events/${created.id}`),
        onError: (error) => {
          setErrors(formErrorsOf(error));
        },
      },
    );
  }

  async function onFile(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    importIcs.mutate(await chosen.text(), {
      onSuccess: (created) => {
        notifications.show({ message: `Added ${created.name} from the invitation` });
        navigate(`/events/${created.id}`);
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Could not read the invitation', message: error.message }),
    });
    if (file.current) file.current.value = '';
  }

  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Add an event">
        <Stack gap="xs">
          {errors._ && (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Event" required placeholder="RemoteConf 2026" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} style={{ flex: '2 1 220px' }} />
            <TextInput label="From" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} w={160} />
            <TextInput label="To" type="date" value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} w={160} />
          </Group>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Link" placeholder="https://…" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={errors.link} style={{ flex: '2 1 220px' }} />
            <Select label="Your role" data={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))} value={role} onChange={(v) => v && setRole(v as keyof typeof roleLabels)} allowDeselect={false} w={160} />
            <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={create.isPending}>
              Add event
            </Button>
            <Button variant="default" mt={25} leftSection={<IconFileImport size={16} />} loading={importIcs.isPending} onClick={() => file.current?.click()}>
              From .ics invitation
            </Button>
            <input ref={file} type="file" accept=".ics,text/calendar" hidden aria-label="Invitation file (.ics)" onChange={(e) => void onFile(e.currentTarget.files)} />
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function EventsPage() {
  const list = useEvents();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={1000}>
      <div>
        <Title order={1}>Events</Title>
        <Text c="dimmed">Conferences, meetups and webinars, with the people you met and who still needs a follow-up.</Text>
      </div>
      <EventCreateForm />
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No events yet" icon={<IconCalendarEvent />}>
          After a conference, meetup or webinar, add it here and then the people you met, with a line about what you talked about. Each
          gets a follow-up due within three days, with a first message to send, while they still remember you.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {items.map((e) => (
            <Card key={e.id} withBorder component={Link} to={`/events/${e.id}`} aria-label={e.name}>
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text fw={600} truncate>
                  {e.name}
                </Text>
                <Badge variant="light">{roleLabels[e.role]}</Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="xs">
                {eventDates(e)}
              </Text>
              <FollowUpProgress event={e} />
            </Card>
          ))}
        </SimpleGrid>
      )}
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
