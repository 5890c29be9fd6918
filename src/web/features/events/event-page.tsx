import { useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, CopyButton, Group, NumberInput, Paper, Spoiler, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconUsers, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { EventPersonDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { useUpdateFollowUp } from '../../api/hooks';
import { formatDate } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState, LoadErrorState } from '../../ui/states';
import { ContactPicker } from '../interactions/quick-log';
import { relationshipKeys } from '../today/hooks';
import { eventDates, FollowUpProgress, roleLabels } from './events-page';
import { eventKeys, useAddPeople, useDeleteEvent, useEvent, useEventPeople, useRemovePerson } from './hooks';
import { DetailHeader } from '../../ui/detail-header';

/** "Ada Lovelace: async standups" -> a new person with a line of context. */
function parseLine(line: string): { name: string; context?: string } {
  const [name = '', ...rest] = line.split(':');
  const context = rest.join(':').trim();
  return { name: name.trim(), ...(context && { context }) };
}

function AddPeople({ eventId }: { eventId: string }) {
  const add = useAddPeople(eventId);
  const known = useRef(new Map<string, string>());
  const [line, setLine] = useState('');
  const [existing, setExisting] = useState<string[]>([]);
  const [context, setContext] = useState('');
  const [days, setDays] = useState<number>(3);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  const send = (people: { contactId?: string; name?: string; context?: string }[], done: () => void) =>
    add.mutate(
      { people, followUpInDays: days },
      {
        onSuccess: (result) => {
          setError(undefined);
          done();
          const names = result.items.map((p) => p.contactName).join(', ');
          notifications.show({ message: `${names}: follow up by ${formatDate(result.items[0]?.followUp?.dueOn ?? '')}` });
          input.current?.focus();
        },
        onError: (e) => setError(Object.values(fieldErrorsOf(e))[0] ?? e.message),
      },
    );

  function addNew(event: FormEvent) {
    event.preventDefault();
    const person = parseLine(line);
    if (!person.name) return setError('Type a name, then a colon and what you talked about');
    send([person], () => setLine(''));
  }

  function addExisting(event: FormEvent) {
    event.preventDefault();
    if (!existing.length) return setError('Choose someone from your contacts');
    send(
      existing.map((contactId) => ({ contactId, ...(context.trim() && { context: context.trim() }) })),
      () => {
        setExisting([]);
        setContext('');
      },
    );
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            Add the people you met
          </Title>
          <NumberInput label="First follow-up in (days)" value={days} onChange={(v) => setDays(typeof v === 'number' ? v : 3)} min={0} max={365} w={180} size="xs" />
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <form onSubmit={addNew} aria-label="Add a new person">
          <Group gap="xs" align="flex-end">
            <TextInput
              ref={input}
              autoFocus
              label="New person"
              description="Name: what you talked about — then Enter"
              placeholder="Ada Lovelace: async standups across time zones"
              value={line}
              onChange={(e) => setLine(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </form>
        <form onSubmit={addExisting} aria-label="Add people from your contacts">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <div style={{ flex: '1 1 220px' }}>
              <ContactPicker label="Or someone already in your contacts" value={existing} onChange={setExisting} known={known.current} />
            </div>
            <TextInput label="What you talked about" value={context} onChange={(e) => setContext(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
            <Button type="submit" variant="default" loading={add.isPending}>
              Add contacts
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

function PersonRow({ eventId, person }: { eventId: string; person: EventPersonDto }) {
  const client = useQueryClient();
  const update = useUpdateFollowUp();
  const remove = useRemovePerson(eventId);
  const markDone = () =>
    update.mutate(
      { id: person.followUp!.id, done: true },
      {
        onSuccess: () => {
          void client.invalidateQueries({ queryKey: eventKeys.all });
          void client.invalidateQueries({ queryKey: relationshipKeys.today });
          notifications.show({ message: `Followed up with ${person.contactName}` });
        },
      },
    );
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Anchor component={Link} to={`/contacts/${person.contactId}`} fw={600}>
              {person.contactName}
            </Anchor>
            {person.status === 'followed_up' ? (
              <Badge color="green" variant="light">
                Followed up
              </Badge>
            ) : person.followUp ? (
              <Badge color="orange" variant="light">
                Follow up by {formatDate(person.followUp.dueOn)}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                No follow-up
              </Badge>
            )}
          </Group>
          {person.context && (
            <Text size="sm" c="dimmed">
              {person.context}
            </Text>
          )}
          {person.status === 'waiting' && (
            <Spoiler maxHeight={0} showLabel="Suggested message" hideLabel="Hide message">
              <Card withBorder padding="xs" mt={4}>
                <Text size="sm">{person.suggestedMessage}</Text>
                <CopyButton value={person.suggestedMessage}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} mt={4}>
                      {copied ? 'Copied' : 'Copy message'}
                    </Button>
                  )}
                </CopyButton>
              </Card>
            </Spoiler>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {person.status === 'waiting' && (
            <Button size="compact-sm" variant="light" color="green" leftSection={<IconCheck size={14} />} onClick={markDone} loading={update.isPending}>
              Mark followed up
            </Button>
          )}
          <Tooltip label="Remove from this event">
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${person.contactName} from this event`} onClick={() => remove.mutate(person.contactId)}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}

export default function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  const people = useEventPeople(id);
  const remove = useDeleteEvent();
  if (event.isPending) return <LoadingState />;
  if (event.isError) return <LoadErrorState error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  const items = people.data?.items ?? [];
  return (
    <Stack maw={900}>
      <DetailHeader
        back={{ to: '/events', label: 'Events' }}
        title={e.name}
        remove={{ id: e.id, what: 'this event', consequence: 'The people you met stay in your contacts, with their follow-ups.', mutation: remove }}
      >
        <Text c="dimmed">
          {eventDates(e)} · {e.timezone} · {roleLabels[e.role]}
          {e.organizer && ` · by ${e.organizer}`}
        </Text>
        {e.link && (
          <Anchor href={e.link} target="_blank" rel="noreferrer" size="sm">
            <Group gap={4} component="span">
              {e.link} <IconExternalLink size={14} />
            </Group>
          </Anchor>
        )}
      </DetailHeader>
      {e.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.notes}</Text>}
      <Card withBorder>
        <FollowUpProgress event={e} />
      </Card>
      <AddPeople eventId={e.id} />
      {people.isPending ? (
        <LoadingState rows={3} />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No one added yet" icon={<IconUsers />}>
          Add each person you talked to while you still remember the conversation: their name and one line about it is enough. Rapport
          creates the contact and reminds you to follow up.
        </EmptyState>
      ) : (
        <Stack gap="xs" aria-label="People met">
          {items.map((p) => (
            <PersonRow key={p.contactId} eventId={e.id} person={p} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
