import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { communityRoles } from '../../../contracts';
import { formErrorsOf } from '../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { ActivityBars } from './activity';
import { useCommunities, useCreateCommunity } from './hooks';

export const communityRoleLabels = { member: 'Member', contributor: 'Contributor', moderator: 'Moderator', organizer: 'Organizer' } as const;

function AddCommunity() {
  const navigate = useNavigate();
  const create = useCreateCommunity();
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('');
  const [link, setLink] = useState('');
  const [role, setRole] = useState<(typeof communityRoles)[number]>('member');
  const [goal, setGoal] = useState<number | ''>(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Name the community' });
    create.mutate(
      { name: name.trim(), platform: platform.trim() || null, link: link.trim() || null, role, weeklyGoal: goal === '' ? null : goal },
      {
        onSuccess: (c) => navigate(`/communities/${c.id}`),
        onError: (e) => {
          setErrors(formErrorsOf(e));
        },
      },
    );
  }
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Add a community">
        {errors._ && (
          <Text c="red" size="sm" role="alert">
            {errors._}
          </Text>
        )}
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput label="Community" required placeholder="Remote Leaders" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} style={{ flex: '2 1 200px' }} />
          <TextInput label="Platform" placeholder="Slack, Discord, a forum…" value={platform} onChange={(e) => setPlatform(e.currentTarget.value)} error={errors.platform} w={170} />
          <TextInput label="Link" placeholder="https://…" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={errors.link} w={200} />
          <Select label="Your role" data={communityRoles.map((r) => ({ value: r, label: communityRoleLabels[r] }))} value={role} onChange={(v) => v && setRole(v as typeof role)} allowDeselect={false} w={140} />
          <NumberInput label="Weekly goal" value={goal} onChange={(v) => setGoal(v === '' ? '' : Number(v))} min={1} max={100} error={errors.weeklyGoal} w={110} />
          <Button type="submit" mt={25} loading={create.isPending}>
            Add community
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

export default function CommunitiesPage() {
  const list = useCommunities();
  const items = list.data?.items ?? [];
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1}>Communities</Title>
        <Text c="dimmed">Where you show up online, what you give there, and the people you get to know.</Text>
      </div>
      <AddCommunity />
      {list.isPending ? (
        <LoadingState rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No communities yet" icon={<IconUsersGroup />}>
          Add the forums, Slack or Discord groups you belong to. Answer a question, share what you learned, help someone: one or two
          contributions a week make you a known, valued face. Note the members you get to know; they become your network.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((c) => (
            <Card key={c.id} withBorder component={Link} to={`/communities/${c.id}`} aria-label={c.name}>
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text fw={600} truncate>
                  {c.name}
                </Text>
                <Badge variant="light">{communityRoleLabels[c.role]}</Badge>
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {[c.platform, `${c.members} members you know`, `${c.contributions} contributions`].filter(Boolean).join(' · ')}
              </Text>
              <ActivityBars community={c} height={36} />
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
