import { useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconX } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { contributionKinds } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { formatDate } from '../../ui/format';
import { ErrorState, LoadingState, LoadErrorState } from '../../ui/states';
import { ContactPicker } from '../interactions/quick-log';
import { ActivityBars } from './activity';
import { communityRoleLabels } from './communities-page';
import { useAddMembers, useCommunity, useContribute, useContributions, useDeleteCommunity, useMembers, useRemoveContribution, useRemoveMember } from './hooks';
import { DetailHeader } from '../../ui/detail-header';

const kindLabels = { post: 'Post', answer: 'Answer', talk: 'Talk', help: 'Help given' } as const;

function Contributions({ id }: { id: string }) {
  const list = useContributions(id);
  const add = useContribute(id);
  const remove = useRemoveContribution();
  const [kind, setKind] = useState<(typeof contributionKinds)[number]>('answer');
  const [title, setTitle] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: 'What did you contribute?' });
    add.mutate(
      { kind, title: title.trim(), link: link.trim() || null },
      {
        onSuccess: () => {
          setTitle('');
          setLink('');
          setErrors({});
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Your contributions
      </Title>
      <form onSubmit={submit} aria-label="Record a contribution">
        <Group gap="xs" align="flex-start" mb="sm" wrap="wrap">
          <Select aria-label="Kind" data={contributionKinds.map((k) => ({ value: k, label: kindLabels[k] }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} w={130} size="xs" />
          <TextInput aria-label="What you contributed" placeholder="Answered a question on async standups" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} style={{ flex: '1 1 200px' }} size="xs" />
          <TextInput aria-label="Link" placeholder="Link (optional)" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={errors.link} w={180} size="xs" />
          <Button type="submit" size="xs" loading={add.isPending}>
            Record
          </Button>
        </Group>
      </form>
      {list.isPending ? (
        <LoadingState rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet. Each answer, post, talk or bit of help counts toward your weekly goal.
        </Text>
      ) : (
        <Stack gap={4}>
          {list.data.items.map((x) => (
            <Group key={x.id} justify="space-between" wrap="nowrap">
              <Text size="sm">
                <Badge size="xs" variant="light" mr={6}>
                  {kindLabels[x.kind]}
                </Badge>
                {x.link ? (
                  <Anchor href={x.link} target="_blank" rel="noreferrer">
                    {x.title}
                  </Anchor>
                ) : (
                  x.title
                )}{' '}
                <Text span size="xs" c="dimmed">
                  {formatDate(x.occurredOn)}
                </Text>
              </Text>
              <ActionIcon variant="subtle" color="gray" aria-label={`Delete “${x.title}”`} onClick={() => remove.mutate(x.id)}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Members({ id }: { id: string }) {
  const list = useMembers(id);
  const add = useAddMembers(id);
  const remove = useRemoveMember(id);
  const known = useRef(new Map<string, string>());
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [context, setContext] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contactIds.length) return;
    add.mutate({ members: contactIds.map((contactId) => ({ contactId, context: context.trim() || null })) }, { onSuccess: () => (setContactIds([]), setContext('')) });
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Members you know
      </Title>
      <form onSubmit={submit} aria-label="Add members you know">
        <Stack gap="xs" mb="sm">
          <ContactPicker label="Contacts" value={contactIds} onChange={setContactIds} known={known.current} />
          <Group gap="xs" align="flex-end">
            <TextInput label="How you know them there" value={context} onChange={(e) => setContext(e.currentTarget.value)} style={{ flex: 1 }} size="xs" />
            <Button type="submit" size="xs" variant="default" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
      {list.isPending ? (
        <LoadingState rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one yet.
        </Text>
      ) : (
        <Stack gap={4}>
          {list.data.items.map((m) => (
            <Group key={m.contactId} justify="space-between" wrap="nowrap">
              <Text size="sm">
                <Anchor component={Link} to={`/contacts/${m.contactId}`}>
                  {m.contactName}
                </Anchor>
                {m.context && <Text span c="dimmed">{` · ${m.context}`}</Text>}
              </Text>
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${m.contactName}`} onClick={() => remove.mutate(m.contactId)}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default function CommunityPage() {
  const { id = '' } = useParams();
  const query = useCommunity(id);
  const remove = useDeleteCommunity();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <LoadErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Stack maw={1100}>
      <DetailHeader
        back={{ to: '/communities', label: 'Communities' }}
        title={c.name}
        remove={{ id: c.id, what: c.name, consequence: 'Its contributions and the list of members you know go with it; the contacts stay.', mutation: remove }}
      >
        <Group gap="xs">
          <Text c="dimmed">{[c.platform, communityRoleLabels[c.role]].filter(Boolean).join(' · ')}</Text>
          {c.link && (
            <Anchor href={c.link} target="_blank" rel="noreferrer" size="sm">
              <IconExternalLink size={14} /> open
            </Anchor>
          )}
        </Group>
      </DetailHeader>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Activity, last 12 weeks
        </Title>
        <ActivityBars community={c} height={64} />
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Contributions id={c.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Members id={c.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
