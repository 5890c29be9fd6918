import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useContacts, useMe } from '../../api/hooks';
import { GetStarted } from '../onboarding/get-started';
import { TodayAgenda } from '../today/today-agenda';

function greeting(hour = new Date().getHours()) {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export default function HomePage() {
  const me = useMe();
  const anyContact = useContacts({ sort: 'name' }, 1);
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
        <Card withBorder>
          <TodayAgenda />
          <Group justify="flex-end" mt="sm" gap="md">
            <Anchor component={Link} to="/follow-ups" size="sm">
              All follow-ups
            </Anchor>
            <Anchor component={Link} to="/contacts?due=true&sort=nextDue" size="sm">
              Everyone due
            </Anchor>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
