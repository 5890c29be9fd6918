import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Card, Checkbox, Grid, Group, Select, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { chatPurposes, chatStatuses, type ChatOutcome, type ChatPrepDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { ErrorState, LoadingState, LoadErrorState } from '../../ui/states';
import { useChatPrep, useDeleteChat, useQuestions, useUpdateChat } from './hooks';
import { kindLabels, nextStep, outcomeLabels, purposeLabels, stageLabels } from './labels';
import { DetailHeader } from '../../ui/detail-header';

type Question = ChatPrepDto['chat']['questions'][number];

/** A datetime-local value (YYYY-MM-DDTHH:MM, the browser's zone) from an ISO instant, and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function Pipeline({ prep }: { prep: ChatPrepDto }) {
  const { chat } = prep;
  const update = useUpdateChat(chat.id);
  const [when, setWhen] = useState(toLocalInput(chat.scheduledAt));
  const [error, setError] = useState<string>();
  const step = nextStep[chat.status];
  const move = (input: Parameters<typeof update.mutate>[0], message: string) =>
    update.mutate(input, {
      onSuccess: () => {
        setError(undefined);
        notifications.show({ message });
      },
      onError: (e) => setError(Object.values(fieldErrorsOf(e))[0] ?? e.message),
    });
  return (
    <Card withBorder>
      <Stepper active={chatStatuses.indexOf(chat.status)} size="xs" allowNextStepsSelect={false} mb="sm">
        {chatStatuses.map((s) => (
          <Stepper.Step key={s} label={stageLabels[s]} />
        ))}
      </Stepper>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group align="flex-end" gap="xs" wrap="wrap">
        {(chat.status === 'idea' || chat.status === 'requested' || chat.status === 'scheduled') && (
          <TextInput label="When (your time)" type="datetime-local" value={when} onChange={(e) => setWhen(e.currentTarget.value)} w={230} />
        )}
        {step?.status === 'scheduled' || (chat.status === 'scheduled' && when !== toLocalInput(chat.scheduledAt)) ? (
          <Button onClick={() => move({ status: 'scheduled', scheduledAt: when ? new Date(when).toISOString() : null }, 'Scheduled')} disabled={!when} loading={update.isPending}>
            {chat.status === 'scheduled' ? 'Reschedule' : 'Scheduled'}
          </Button>
        ) : (
          step && (
            <Button onClick={() => move({ status: step.status }, step.status === 'held' ? 'Logged; a thank-you follow-up is due tomorrow' : stageLabels[step.status])} loading={update.isPending}>
              {step.label}
            </Button>
          )
        )}
        {(chat.status === 'held' || chat.status === 'thanked' || chat.status === 'outcome') && (
          <Select
            label="What came of it"
            placeholder="Choose"
            data={Object.entries(outcomeLabels).map(([value, label]) => ({ value, label }))}
            value={chat.outcome}
            onChange={(v) => v && move({ outcome: v as ChatOutcome }, 'Outcome saved')}
            w={200}
          />
        )}
        {chat.scheduledAt && (
          <Button component="a" href={`/api/v1/chats/${chat.id}/invitation.ics`} download variant="default" leftSection={<IconCalendarDown size={16} />}>
            Calendar invitation (.ics)
          </Button>
        )}
      </Group>
      {chat.thankYouFollowUp && (
        <Text size="sm" mt="xs" c={chat.thankYouFollowUp.done ? 'dimmed' : undefined}>
          Thank-you follow-up {chat.thankYouFollowUp.done ? 'done' : `due ${formatDate(chat.thankYouFollowUp.dueOn)}`}
        </Text>
      )}
    </Card>
  );
}

function Questions({ prep }: { prep: ChatPrepDto }) {
  const { chat } = prep;
  const bank = useQuestions();
  const update = useUpdateChat(chat.id);
  const [picked, setPicked] = useState<Question[]>(chat.questions);
  const [notes, setNotes] = useState(chat.notes ?? '');
  const [own, setOwn] = useState('');
  useEffect(() => {
    setPicked(chat.questions);
    setNotes(chat.notes ?? '');
  }, [chat.id, chat.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const has = (text: string) => picked.some((q) => q.text === text);
  const toggle = (text: string, purpose: Question['purpose']) => setPicked(has(text) ? picked.filter((q) => q.text !== text) : [...picked, { text, purpose, answer: null }]);
  const save = () =>
    update.mutate(
      { questions: picked.map((q) => ({ text: q.text, purpose: q.purpose, answer: q.answer?.trim() ? q.answer : null })), notes: notes.trim() ? notes : null },
      { onSuccess: () => notifications.show({ message: 'Prep sheet saved' }), onError: (e) => notifications.show({ color: 'red', message: e.message }) },
    );
  const forPurpose = chat.purpose ? [chat.purpose, ...chatPurposes.filter((p) => p !== chat.purpose)] : [...chatPurposes];

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Question bank
            </Title>
            <Anchor component={Link} to="/chats/questions" size="sm">
              Edit bank
            </Anchor>
          </Group>
          {bank.isPending ? (
            <LoadingState rows={3} />
          ) : bank.isError ? (
            <ErrorState error={bank.error} />
          ) : (
            <Stack gap="sm">
              {forPurpose.map((purpose) => (
                <div key={purpose}>
                  <Text fw={600} size="sm" mb={4}>
                    {purposeLabels[purpose]}
                  </Text>
                  <Stack gap={4}>
                    {bank.data.items
                      .filter((q) => q.purpose === purpose)
                      .map((q) => (
                        <Checkbox key={q.id} label={q.text} checked={has(q.text)} onChange={() => toggle(q.text, q.purpose)} size="xs" />
                      ))}
                  </Stack>
                </div>
              ))}
            </Stack>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Your questions and notes
          </Title>
          <Stack gap="xs">
            {picked.length === 0 && (
              <Text size="sm" c="dimmed">
                Pick three to five questions from the bank, or write your own. During the chat, note what they said under each.
              </Text>
            )}
            {picked.map((q, i) => (
              <Textarea
                key={q.text}
                label={`${i + 1}. ${q.text}`}
                placeholder="What they said"
                autosize
                minRows={1}
                value={q.answer ?? ''}
                onChange={(e) => {
                  const answer = e.currentTarget.value;
                  setPicked(picked.map((p) => (p.text === q.text ? { ...p, answer } : p)));
                }}
              />
            ))}
            <Group gap="xs" align="flex-end">
              <TextInput label="Your own question" value={own} onChange={(e) => setOwn(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button
                variant="default"
                onClick={() => {
                  if (own.trim() && !has(own.trim())) setPicked([...picked, { text: own.trim(), purpose: null, answer: null }]);
                  setOwn('');
                }}
              >
                Add question
              </Button>
            </Group>
            <Textarea label="Notes" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            <Button onClick={save} loading={update.isPending} w="fit-content">
              Save prep sheet
            </Button>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function WhoTheyAre({ prep }: { prep: ChatPrepDto }) {
  const { contact, history } = prep;
  const role = [contact.title, contact.organization].filter(Boolean).join(' at ');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Who they are
      </Title>
      <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600}>
        {contact.name}
      </Anchor>
      {(role || contact.headline) && <Text size="sm">{role || contact.headline}</Text>}
      {(contact.location || contact.timezone) && (
        <Text size="sm" c="dimmed">
          {[contact.location, contact.timezone].filter(Boolean).join(' · ')}
        </Text>
      )}
      {contact.howWeMet && <Text size="sm">How you met: {contact.howWeMet}</Text>}
      <Group gap="xs" mt={4}>
        {contact.socialProfiles
          .filter((p) => p.url)
          .map((p) => (
            <Anchor key={p.url} href={p.url!} target="_blank" rel="noreferrer" size="sm">
              {p.type}
            </Anchor>
          ))}
      </Group>
      <Text fw={600} size="sm" mt="sm">
        Shared history
      </Text>
      {history.interactions.length + history.events.length + history.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet: this is your first conversation.
        </Text>
      ) : (
        <Stack gap={2}>
          {history.events.map((e) => (
            <Text key={e.id} size="sm">
              Met at <Anchor component={Link} to={`/events/${e.id}`}>{e.name}</Anchor> ({formatDate(e.startsOn)}){e.context && `: ${e.context}`}
            </Text>
          ))}
          {history.interactions.map((i) => (
            <Text key={i.id} size="sm">
              {formatDateTime(i.occurredAt)} · {i.summary}
            </Text>
          ))}
          {history.notes.map((n) => (
            <Text key={n.id} size="sm" c="dimmed" lineClamp={2}>
              {n.pinned ? '📌 ' : ''}
              {n.body}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default function ChatPage() {
  const { id = '' } = useParams();
  const prep = useChatPrep(id);
  const remove = useDeleteChat();
  if (prep.isPending) return <LoadingState />;
  if (prep.isError) return <LoadErrorState error={prep.error} onRetry={() => void prep.refetch()} />;
  const { chat } = prep.data;
  return (
    <Stack maw={1100}>
      <DetailHeader
        back={{ to: '/chats', label: 'Coffee chats' }}
        title={chat.topic}
        remove={{ id: chat.id, what: 'this chat', consequence: 'Its prep notes and answers go with it; the contact and any logged interaction stay.', mutation: remove }}
      >
        <Group gap="xs">
          <Text c="dimmed">
            {kindLabels[chat.kind]} with {chat.contactName}
            {chat.scheduledAt && ` · ${formatDateTime(chat.scheduledAt)}`}
          </Text>
          {chat.purpose && <Badge variant="light">{purposeLabels[chat.purpose]}</Badge>}
          {chat.source === 'booking' && (
            <Badge variant="light" color="grape">
              Booked through your page
            </Badge>
          )}
        </Group>
      </DetailHeader>
      <Pipeline prep={prep.data} />
      <WhoTheyAre prep={prep.data} />
      <Questions prep={prep.data} />
    </Stack>
  );
}
