import { useEffect, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Avatar, Badge, Button, Card, Grid, Group, Paper, Stack, Switch, Tabs, Text, Textarea, TextInput, Timeline, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandBluesky, IconBrandGithub, IconBrandLinkedin, IconBrandMastodon, IconBrandX, IconCheck, IconClock, IconEdit, IconMail, IconPencilPlus, IconPhone, IconPin, IconPinnedOff, IconStar, IconStarFilled, IconTrash, IconWorld } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { ContactDto, InteractionDto, NoteDto, SocialProfileDto } from '../../../contracts';
import { api, ApiError, fieldErrorsOf } from '../../api/client';
import { keys, useContact, useCreateFollowUp, useDeleteContact, useFollowUps, useMe, useNotes, useTimeline, useUpdateContact, useUpdateFollowUp } from '../../api/hooks';
import { addDays, circleLabels, formatDate, formatDateTime, initials, kindLabels, localTimeIn, todayIn } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { ContactLedgerCard } from '../appreciation/ledger';
import { MilestonesCard } from '../relationships/milestones-card';
import { StrengthCard } from '../relationships/strength-card';
import { useQuickLog } from '../interactions/quick-log';
import { InteractionDeleteModal, InteractionEditModal } from '../interactions/interaction-edit';
import { ConfirmDelete } from '../../ui/confirm-delete';

const socialIcons: Record<string, typeof IconWorld> = { linkedin: IconBrandLinkedin, x: IconBrandX, github: IconBrandGithub, mastodon: IconBrandMastodon, bluesky: IconBrandBluesky, website: IconWorld };

function SocialLink({ profile }: { profile: SocialProfileDto }) {
  const Icon = socialIcons[profile.type] ?? IconWorld;
  const text = profile.handle ?? profile.url ?? profile.type;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden />
      {profile.url ? (
        <Anchor href={profile.url} target="_blank" rel="noreferrer noopener" size="sm" truncate>
          {text}
        </Anchor>
      ) : (
        <Text size="sm">{text}</Text>
      )}
    </Group>
  );
}

function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Profile({ contact }: { contact: ContactDto }) {
  const now = useNow();
  const local = contact.timezone ? localTimeIn(contact.timezone, now) : null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        {contact.emails.map((email) => (
          <Group key={email} gap={6} wrap="nowrap">
            <IconMail size={16} aria-hidden />
            <Anchor href={`mailto:${email}`} size="sm" truncate>
              {email}
            </Anchor>
          </Group>
        ))}
        {contact.phones.map((phone) => (
          <Group key={phone} gap={6} wrap="nowrap">
            <IconPhone size={16} aria-hidden />
            <Anchor href={`tel:${phone}`} size="sm">
              {phone}
            </Anchor>
          </Group>
        ))}
        {contact.socialProfiles.map((p, i) => (
          <SocialLink key={i} profile={p} />
        ))}
        {contact.timezone && (
          <Fact label="Local time">
            <Group gap={6}>
              <IconClock size={16} aria-hidden />
              <span data-testid="local-time">{local ?? '—'}</span>
              <Text span size="xs" c="dimmed">
                {contact.timezone}
              </Text>
            </Group>
          </Fact>
        )}
        {contact.location && <Fact label="Location">{contact.location}</Fact>}
        {contact.birthday && <Fact label="Birthday">{contact.birthday.startsWith('--') ? contact.birthday.slice(2) : formatDate(contact.birthday)}</Fact>}
        {contact.circle && <Fact label="Circle">{circleLabels[contact.circle]}</Fact>}
        <Fact label="Last interaction">{contact.lastInteractionAt ? formatDateTime(contact.lastInteractionAt) : 'Never'}</Fact>
        {contact.cadenceDays && (
          <Fact label="Keep in touch">
            every {contact.cadenceDays} days{contact.nextDueOn && ` · next ${formatDate(contact.nextDueOn)}`}
          </Fact>
        )}
        {contact.tags.length > 0 && (
          <Fact label="Tags">
            <Group gap={4} mt={2}>
              {contact.tags.map((tag) => (
                <Badge key={tag} variant="light" component={Link} to={`/contacts?tag=${encodeURIComponent(tag)}`} style={{ cursor: 'pointer' }}>
                  {tag}
                </Badge>
              ))}
            </Group>
          </Fact>
        )}
        {contact.howWeMet && <Fact label="How we met">{contact.howWeMet}</Fact>}
      </Stack>
    </Card>
  );
}

function TimelineTab({ contact }: { contact: ContactDto }) {
  const timeline = useTimeline(contact.id);
  const quickLog = useQuickLog();
  const [editing, setEditing] = useState<InteractionDto | null>(null);
  const [deleting, setDeleting] = useState<InteractionDto | null>(null);
  if (timeline.isPending) return <LoadingState rows={3} />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = timeline.data.pages.flatMap((p) => p.items);
  if (!items.length)
    return (
      <EmptyState title="No interactions yet" action={<Button onClick={() => quickLog.open([{ id: contact.id, name: contact.name }])}>Log the first one</Button>}>
        Calls, coffee chats and messages you log with {contact.name} show up here.
      </EmptyState>
    );
  return (
    <Stack>
      <Timeline bulletSize={22} lineWidth={2} aria-label="Timeline">
        {items.map((item) => (
          <Timeline.Item key={item.id} title={item.summary} bullet={<IconPencilPlus size={12} />} data-pending={item.id.startsWith('pending-') || undefined}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text size="xs" c="dimmed">
                {kindLabels[item.kind]} · {formatDateTime(item.occurredAt)}
                {item.durationMinutes != null && ` · ${item.durationMinutes} min`}
                {item.contactIds.length > 1 && ` · with ${item.contactIds.length - 1} other${item.contactIds.length > 2 ? 's' : ''}`}
              </Text>
              {!item.id.startsWith('pending-') && (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" aria-label={`Edit “${item.summary}”`} onClick={() => setEditing(item)}>
                    <IconEdit size={14} />
                  </ActionIcon>
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Delete “${item.summary}”`} onClick={() => setDeleting(item)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            {item.notes && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {item.notes}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} w="fit-content">
          Show older
        </Button>
      )}
      <InteractionEditModal interaction={editing} onClose={() => setEditing(null)} />
      <InteractionDeleteModal interaction={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

/** Pinned notes first; otherwise the server's order. */
export function sortNotes(items: NoteDto[]): NoteDto[] {
  return [...items.filter((n) => n.pinned), ...items.filter((n) => !n.pinned)];
}

function NoteItem({ note, onDelete }: { note: NoteDto; onDelete: () => void }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function patch(input: { body?: string; pinned?: boolean }) {
    setBusy(true);
    try {
      await api(`/api/v1/notes/${note.id}`, { method: 'PATCH', body: input });
      setEditing(null);
      setError(undefined);
      await client.invalidateQueries({ queryKey: keys.notes(note.contactId) });
    } catch (e) {
      const message = fieldErrorsOf(e).body ?? (e as Error).message;
      if (input.body !== undefined) setError(message);
      else notifications.show({ color: 'red', title: 'Could not update the note', message });
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (editing === null) return;
    if (!editing.trim()) return setError('Write something first');
    void patch({ body: editing });
  }

  return (
    <Paper withBorder p="sm" data-pinned={note.pinned || undefined}>
      {editing !== null ? (
        <form onSubmit={save}>
          <Stack gap="xs">
            <Textarea label="Edit note" autosize minRows={2} value={editing} onChange={(e) => setEditing(e.currentTarget.value)} error={error} data-autofocus />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => (setEditing(null), setError(undefined))}>
                Cancel
              </Button>
              <Button size="xs" type="submit" loading={busy}>
                Save note
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.pinned && <IconPin size={14} aria-label="Pinned" role="img" style={{ marginRight: 4 }} />}
            {note.body}
          </Text>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={note.pinned ? 'Unpin' : 'Pin'}>
              <ActionIcon variant="subtle" aria-label={note.pinned ? 'Unpin note' : 'Pin note'} aria-pressed={note.pinned} disabled={busy} onClick={() => void patch({ pinned: !note.pinned })}>
                {note.pinned ? <IconPinnedOff size={16} /> : <IconPin size={16} />}
              </ActionIcon>
            </Tooltip>
            <ActionIcon variant="subtle" aria-label="Edit note" onClick={() => setEditing(note.body)}>
              <IconEdit size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label="Delete note" onClick={onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {formatDateTime(note.createdAt)}
        {note.updatedAt !== note.createdAt && ` · edited ${formatDateTime(note.updatedAt)}`}
      </Text>
    </Paper>
  );
}

function NotesTab({ contact }: { contact: ContactDto }) {
  const notes = useNotes(contact.id);
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError('Write something first');
    setBusy(true);
    try {
      await api(`/api/v1/contacts/${contact.id}/notes`, { method: 'POST', body: { body, pinned } });
      setBody('');
      setPinned(false);
      setError(undefined);
      await client.invalidateQueries({ queryKey: keys.notes(contact.id) });
    } catch (e) {
      setError(fieldErrorsOf(e).body ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    await api(`/api/v1/notes/${id}`, { method: 'DELETE' });
    await client.invalidateQueries({ queryKey: keys.notes(contact.id) });
    notifications.show({ message: 'Note deleted' });
  }

  return (
    <Stack>
      <form onSubmit={add}>
        <Stack gap="xs">
          <Textarea label="New note" placeholder="What to remember (Markdown)" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={error} />
          <Group justify="space-between">
            <Switch label="Pin" checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />
            <Button type="submit" loading={busy} size="xs">
              Add note
            </Button>
          </Group>
        </Stack>
      </form>
      {notes.isPending ? (
        <LoadingState rows={2} />
      ) : notes.isError ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No notes yet.
        </Text>
      ) : (
        sortNotes(notes.data.items).map((note) => <NoteItem key={note.id} note={note} onDelete={() => void remove(note.id)} />)
      )}
    </Stack>
  );
}

function FollowUpsTab({ contact }: { contact: ContactDto }) {
  const me = useMe();
  const today = todayIn(me.data?.timezone ?? 'UTC');
  const followUps = useFollowUps('all', contact.id);
  const create = useCreateFollowUp();
  const update = useUpdateFollowUp();
  const [reason, setReason] = useState('');
  const [dueOn, setDueOn] = useState(addDays(today, 7));
  const errors = fieldErrorsOf(create.error);

  async function add(event: FormEvent) {
    event.preventDefault();
    create.mutate({ contactId: contact.id, reason: reason.trim(), dueOn }, { onSuccess: () => setReason('') });
  }

  const items = followUps.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <form onSubmit={add}>
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput label="Follow up about" placeholder="Send the article we talked about" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} style={{ flex: 1, minWidth: 200 }} />
          <TextInput label="Due" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} w={160} />
          <Button type="submit" loading={create.isPending}>
            Add
          </Button>
        </Group>
      </form>
      {followUps.isPending ? (
        <LoadingState rows={2} />
      ) : followUps.isError ? (
        <ErrorState error={followUps.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No follow-ups.
        </Text>
      ) : (
        items.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" td={f.done ? 'line-through' : undefined}>
                {f.reason}
              </Text>
              <Text size="xs" c={!f.done && f.dueOn <= today ? 'red' : 'dimmed'}>
                {f.done ? `Done` : `Due ${formatDate(f.dueOn)}`}
              </Text>
            </div>
            {!f.done && (
              <Tooltip label="Mark done">
                <ActionIcon variant="light" color="green" aria-label={`Mark “${f.reason}” done`} onClick={() => update.mutate({ id: f.id, done: true })}>
                  <IconCheck size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))
      )}
    </Stack>
  );
}

export default function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const update = useUpdateContact(id);
  const remove = useDeleteContact();
  const quickLog = useQuickLog();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  if (contact.isPending) return <LoadingState label="Loading contact…" />;
  if (contact.isError)
    return contact.error instanceof ApiError && (contact.error.status === 404 || contact.error.status === 400) ? (
      <NotFoundState what="contact" />
    ) : (
      <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
    );
  const c = contact.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Group wrap="nowrap" align="flex-start">
          <Avatar size="lg" radius="xl" color="indigo">
            {initials(c.name)}
          </Avatar>
          <div>
            <Group gap={6}>
              <Title order={1} size="h2">
                {c.name}
              </Title>
              <Tooltip label={c.starred ? 'Unstar' : 'Star'}>
                <ActionIcon variant="subtle" color="yellow" aria-label={c.starred ? 'Unstar' : 'Star'} aria-pressed={c.starred} onClick={() => update.mutate({ starred: !c.starred })}>
                  {c.starred ? <IconStarFilled size={18} /> : <IconStar size={18} />}
                </ActionIcon>
              </Tooltip>
              {c.archived && <Badge color="gray">Archived</Badge>}
            </Group>
            {(c.title || c.organization) && (
              <Text c="dimmed">
                {[c.title, c.organization].filter(Boolean).join(' at ')}
                {c.pronouns && ` · ${c.pronouns}`}
              </Text>
            )}
            {c.headline && <Text size="sm">{c.headline}</Text>}
          </div>
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconPencilPlus size={16} />} onClick={() => quickLog.open([{ id: c.id, name: c.name }])}>
            Log interaction
          </Button>
          <Button variant="default" leftSection={<IconEdit size={16} />} component={Link} to={`/contacts/${c.id}/edit`}>
            Edit
          </Button>
          <Button variant="default" onClick={() => update.mutate({ archived: !c.archived })}>
            {c.archived ? 'Unarchive' : 'Archive'}
          </Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </Group>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Profile contact={c} />
          <StrengthCard contact={c} />
          <ContactLedgerCard contact={c} />
          <MilestonesCard contact={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
              <Tabs.Tab value="notes">Notes</Tabs.Tab>
              <Tabs.Tab value="follow-ups">Follow-ups</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="md">
              <TimelineTab contact={c} />
            </Tabs.Panel>
            <Tabs.Panel value="notes" pt="md">
              <NotesTab contact={c} />
            </Tabs.Panel>
            <Tabs.Panel value="follow-ups" pt="md">
              <FollowUpsTab contact={c} />
            </Tabs.Panel>
          </Tabs>
        </Card>
        </Grid.Col>
      </Grid>
      <ConfirmDelete
        opened={confirming}
        title={`Delete ${c.name}?`}
        confirmLabel="Delete contact"
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ message: `${c.name} deleted` });
              navigate('/contacts', { replace: true });
            },
            onError: (e) => notifications.show({ color: 'red', title: 'Could not delete', message: (e as Error).message }),
          })
        }
      >
        This also deletes their notes, follow-ups, and the interactions where they were the only participant. It cannot be undone.
      </ConfirmDelete>
    </Stack>
  );
}
