import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarShare, IconCoffee, IconListDetails, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { chatStatuses, type ChatDto, type ChatKind, type ChatPurpose } from '../../../contracts';
import { formErrorsOf } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ContactPicker } from '../interactions/quick-log';
import { useChats, useCreateChat } from './hooks';
import { kindLabels, outcomeLabels, purposeLabels, stageHints, stageLabels } from './labels';

function NewChatForm() {
  const navigate = useNavigate();
  const create = useCreateChat();
  const known = useRef(new Map<string, string>());
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState<ChatKind>('coffee_chat');
  const [purpose, setPurpose] = useState<ChatPurpose | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (who === 'existing' && !contactIds.length) problems.contactId = 'Choose a contact';
    if (who === 'new' && !name.trim()) problems.name = 'Type their name';
    if (!topic.trim()) problems.topic = 'What would you like to talk about?';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      { ...(who === 'existing' ? { contactId: contactIds[0] } : { name: name.trim() }), topic: topic.trim(), kind, purpose },
      { onSuccess: (chat) => navigate(`/chats/${chat.id}`), onError: (error) => {
          setErrors(formErrorsOf(error));
        },
      },
    );
  }

  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Add a chat">
        <Stack gap="xs">
          {errors._ && (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          <Group align="flex-end" gap="xs" wrap="wrap">
            <SegmentedControl value={who} onChange={(v) => setWho(v as 'existing' | 'new')} data={[{ value: 'existing', label: 'A contact' }, { value: 'new', label: 'Someone new' }]} aria-label="Who" />
            <div style={{ flex: '1 1 220px' }}>
              {who === 'existing' ? (
                <ContactPicker label="With" value={contactIds} onChange={setContactIds} known={known.current} maxValues={1} error={errors.contactId} />
              ) : (
                <TextInput label="Their name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
              )}
            </div>
          </Group>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Topic" required placeholder="How she moved into developer relations" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} style={{ flex: '2 1 260px' }} />
            <Select label="Kind" data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))} value={kind} onChange={(v) => v && setKind(v as ChatKind)} allowDeselect={false} w={220} />
            <Select label="Purpose" placeholder="Any" clearable data={Object.entries(purposeLabels).map(([value, label]) => ({ value, label }))} value={purpose} onChange={(v) => setPurpose(v as ChatPurpose | null)} w={150} />
            <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={create.isPending}>
              Add chat
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ChatCard({ chat }: { chat: ChatDto }) {
  return (
    <Card withBorder padding="xs" component={Link} to={`/chats/${chat.id}`} aria-label={`${chat.contactName}: ${chat.topic}`}>
      <Text fw={600} size="sm" truncate>
        {chat.contactName}
      </Text>
      <Text size="sm" lineClamp={2}>
        {chat.topic}
      </Text>
      <Group gap={4} mt={4}>
        {chat.scheduledAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(chat.scheduledAt)}
          </Text>
        )}
        {chat.source === 'booking' && (
          <Badge size="xs" variant="light" color="grape">
            Booked
          </Badge>
        )}
        {chat.outcome && (
          <Badge size="xs" variant="light">
            {outcomeLabels[chat.outcome]}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

export default function ChatsPage() {
  const chats = useChats();
  const items = chats.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Coffee chats</Title>
          <Text c="dimmed">Coffee chats and informational interviews, from the first idea to what came of them.</Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/chats/questions" variant="default" leftSection={<IconListDetails size={16} />}>
            Question bank
          </Button>
          <Button component={Link} to="/chats/booking" variant="default" leftSection={<IconCalendarShare size={16} />}>
            Booking page
          </Button>
        </Group>
      </Group>
      <NewChatForm />
      {chats.isPending ? (
        <LoadingState rows={3} />
      ) : chats.isError ? (
        <ErrorState error={chats.error} onRetry={() => void chats.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No chats yet" icon={<IconCoffee />}>
          Think of two or three people whose work you admire and add them as ideas. Ask for twenty minutes, prepare a few questions from your
          question bank, listen, and send a thank-you the next day: Rapport reminds you of each step. Or share your booking page and let people
          pick a time.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 6 }} spacing="sm" aria-label="Pipeline">
          {chatStatuses.map((status) => {
            const column = items.filter((c) => c.status === status);
            return (
              <Stack key={status} gap="xs" aria-label={stageLabels[status]} role="region">
                <div>
                  <Group gap={6}>
                    <Title order={2} size="h5">
                      {stageLabels[status]}
                    </Title>
                    <Badge size="sm" variant="light" color="gray">
                      {column.length}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {stageHints[status]}
                  </Text>
                </div>
                {column.map((c) => (
                  <ChatCard key={c.id} chat={c} />
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
