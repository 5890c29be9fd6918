import { Anchor, Avatar, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconPencilPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useContacts, useFollowUps, useMe } from '../../api/hooks';
import { formatDate, initials, relativeDays } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { FollowUpList } from '../follow-ups/follow-up-list';
import { useQuickLog } from '../interactions/quick-log';
import { GetStarted } from '../onboarding/get-started';

function greeting(hour = new Date().getHours()) {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export default function HomePage() {
  const me = useMe();
  const due = useFollowUps('due');
  const cadence = useContacts({ due: true, sort: 'nextDue' }, 20);
  const anyContact = useContacts({ sort: 'name' }, 1);
  const quickLog = useQuickLog();
  const followUps = due.data?.pages.flatMap((p) => p.items) ?? [];
  const people = cadence.data?.pages[0]?.items ?? [];
  const noContacts = anyContact.data?.pages[0]?.items.length === 0;

  return (
    <Stack maw={1100}>
      <div>
        <Title order={1}>
          {greeting()}
          {me.data?.name ? `, ${me.data.name.split(' ')[0]}` : ''}
        </Title>
        <Text c="dimmed">Here is who to reach out to today, and why.</Text>
      </div>
      {noContacts ? (
        <GetStarted />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  Follow-ups due
                </Title>
                <Anchor component={Link} to="/follow-ups" size="sm">
                  All follow-ups
                </Anchor>
              </Group>
              {due.isPending ? (
                <LoadingState rows={3} />
              ) : due.isError ? (
                <ErrorState error={due.error} onRetry={() => void due.refetch()} />
              ) : followUps.length === 0 ? (
                <EmptyState title="Nothing due today" icon={<IconBell />}>
                  You are all caught up.
                </EmptyState>
              ) : (
                <FollowUpList items={followUps} />
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  Time to reconnect
                </Title>
                <Anchor component={Link} to="/contacts?due=true&sort=nextDue" size="sm">
                  See all
                </Anchor>
              </Group>
              {cadence.isPending ? (
                <LoadingState rows={3} />
              ) : cadence.isError ? (
                <ErrorState error={cadence.error} onRetry={() => void cadence.refetch()} />
              ) : people.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nobody is due. Set “keep in touch every N days” on a contact to get reminders.
                </Text>
              ) : (
                <Stack gap="xs">
                  {people.map((c) => (
                    <Group key={c.id} justify="space-between" wrap="nowrap">
                      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
                        <Avatar radius="xl" size="sm" color="indigo" aria-hidden>
                          {initials(c.name)}
                        </Avatar>
                        <div style={{ minWidth: 0 }}>
                          <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={600} truncate display="block">
                            {c.name}
                          </Anchor>
                          <Text size="xs" c="dimmed" truncate>
                            Every {c.cadenceDays} days · {c.lastInteractionAt ? `last ${relativeDays(c.lastInteractionAt)}` : 'never contacted'}
                            {c.nextDueOn && ` · due ${formatDate(c.nextDueOn)}`}
                          </Text>
                        </div>
                      </Group>
                      <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} leftSection={<IconPencilPlus size={12} />} onClick={() => quickLog.open([{ id: c.id, name: c.name }])} aria-label={`Log an interaction with ${c.name}`}>
                        Log
                      </Button>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
