import { useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Card, CopyButton, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconCopy, IconSchool } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { MentorshipRole } from '../../../contracts';
import { formErrorsOf } from '../../api/client';
import { formatDate } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ContactPicker } from '../interactions/quick-log';
import { useCandidates, useCreateMentorship, useMentorships } from './hooks';

export const roleText: Record<MentorshipRole, string> = { mentor: 'You mentor them', mentee: 'Your mentor' };

function StartForm({ preset }: { preset?: { contactId: string; name: string } }) {
  const navigate = useNavigate();
  const create = useCreateMentorship();
  const known = useRef(new Map<string, string>(preset ? [[preset.contactId, preset.name]] : []));
  const [contactIds, setContactIds] = useState<string[]>(preset ? [preset.contactId] : []);
  const [role, setRole] = useState<MentorshipRole>('mentee');
  const [focus, setFocus] = useState('');
  const [cadence, setCadence] = useState<number | ''>(30);
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!contactIds.length) problems.contactId = 'Choose a contact';
    if (!focus.trim()) problems.focus = 'What is it about?';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      { contactId: contactIds[0]!, role, focus: focus.trim(), cadenceDays: cadence === '' ? null : cadence },
      {
        onSuccess: (m) => navigate(`/mentorships/${m.id}`),
        onError: (e) => {
          setErrors(formErrorsOf(e));
        },
      },
    );
  }
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Start a mentorship">
        <Stack gap="xs">
          {errors._ && (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          <Group align="flex-end" gap="xs" wrap="wrap">
            <SegmentedControl value={role} onChange={(v) => setRole(v as MentorshipRole)} data={[{ value: 'mentee', label: 'They mentor me' }, { value: 'mentor', label: 'I mentor them' }]} aria-label="Your role" />
            <div style={{ flex: '1 1 220px' }}>
              <ContactPicker label="With" value={contactIds} onChange={setContactIds} known={known.current} maxValues={1} error={errors.contactId} />
            </div>
          </Group>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Focus" required placeholder="Becoming a staff engineer" value={focus} onChange={(e) => setFocus(e.currentTarget.value)} error={errors.focus} style={{ flex: '2 1 240px' }} />
            <NumberInput label="A session every (days)" value={cadence} onChange={(v) => setCadence(v === '' ? '' : Number(v))} min={1} max={365} error={errors.cadenceDays} w={180} />
            <Button type="submit" mt={25} loading={create.isPending}>
              Start mentorship
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function FindAMentor({ onPick }: { onPick: (c: { contactId: string; name: string }) => void }) {
  const [tag, setTag] = useState('');
  const [debounced] = useDebouncedValue(tag.trim(), 300);
  const candidates = useCandidates(debounced);
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        Find a mentor
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        People in your network with the expertise you want, strongest relationship first: a warm ask works best.
      </Text>
      <TextInput label="Expertise tag" placeholder="product-management" value={tag} onChange={(e) => setTag(e.currentTarget.value)} w={260} mb="xs" />
      {candidates.isPending ? (
        <LoadingState rows={2} />
      ) : candidates.isError ? (
        <ErrorState error={candidates.error} />
      ) : candidates.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contacts{debounced ? ` tagged ${debounced}` : ''}. Tag people by what they know to find them here.
        </Text>
      ) : (
        <Stack gap="xs">
          {candidates.data.items.slice(0, 5).map((c) => (
            <Paper key={c.contactId} withBorder p="xs">
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {c.name}{' '}
                    {c.strength && (
                      <Badge size="xs" variant="light">
                        strength {c.strength.score}
                      </Badge>
                    )}
                  </Text>
                  {c.headline && (
                    <Text size="xs" c="dimmed" truncate>
                      {c.headline}
                    </Text>
                  )}
                </div>
                <Group gap={4} wrap="nowrap">
                  <CopyButton value={c.requestMessage}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} onClick={copy}>
                        {copied ? 'Copied' : 'Copy request'}
                      </Button>
                    )}
                  </CopyButton>
                  <Button size="compact-xs" variant="light" onClick={() => onPick({ contactId: c.contactId, name: c.name })}>
                    Start
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default function MentorshipsPage() {
  const list = useMentorships();
  const [preset, setPreset] = useState<{ contactId: string; name: string }>();
  const items = list.data?.items ?? [];
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1}>Mentorships</Title>
        <Text c="dimmed">The people who guide you and the people you guide: goals, sessions on a rhythm, and what you each promised to do.</Text>
      </div>
      <StartForm key={preset?.contactId ?? 'blank'} preset={preset} />
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No mentorships yet" icon={<IconSchool />}>
          Look for someone a few steps ahead of you, ask for a short monthly chat, and come with one goal. Rapport keeps the rhythm: the next
          session and your action items show up on your Today list when they are due.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {items.map((m) => (
            <Card key={m.id} withBorder component={Link} to={`/mentorships/${m.id}`} aria-label={`${m.contactName}: ${m.focus}`}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{m.contactName}</Text>
                <Badge variant="light" color={m.status === 'active' ? 'green' : 'gray'}>
                  {m.status}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {roleText[m.role]}
              </Text>
              <Text size="sm">{m.focus}</Text>
              <Text size="xs" c="dimmed" mt={4}>
                {m.nextSessionOn ? `Next session by ${formatDate(m.nextSessionOn)}` : 'No session planned'} · {m.goals.filter((g) => g.status !== 'done' && g.status !== 'dropped').length} open goals ·{' '}
                {m.actions.filter((a) => !a.done).length} open actions
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <FindAMentor onPick={setPreset} />
    </Stack>
  );
}
