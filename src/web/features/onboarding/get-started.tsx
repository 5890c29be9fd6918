import { Alert, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconSparkles, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import type { DemoLoadedDto } from '../../../contracts';
import { api } from '../../api/client';

/** POST /api/v1/demo: the sample data goes into the signed-in (empty) account; then every view reloads. */
export function useLoadDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<DemoLoadedDto>('/api/v1/demo', { method: 'POST', body: {} }),
    onSuccess: ({ counts }) => {
      notifications.show({
        color: 'green',
        title: 'Demo data loaded',
        message: `${counts.contacts} contacts, ${counts.interactions.toLocaleString()} interactions and ${counts.followUps} follow-ups to explore.`,
      });
    },
    // A 409 means the account has contacts after all (another tab): show them either way.
    onSettled: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' }),
  });
}

/**
 * The empty state of a new account: three ways to start (sample data, an import, a first contact).
 * Shown on the home page and on the contacts page while the account has no contacts.
 */
export function GetStarted({ title = 'Welcome to Rapport' }: { title?: string }) {
  const demo = useLoadDemo();
  const headingId = useId();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} role="region" aria-labelledby={headingId}>
      <Stack align="center" gap="sm" maw={560} mx="auto" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
          <IconUsers size={30} />
        </ThemeIcon>
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          Add the people you want to keep in touch with, and Rapport tells you whom to reach out to and why. Bring them in from a file, start by hand, or look around with sample data
          first.
        </Text>
        <Group justify="center" gap="sm" mt="xs">
          <Button leftSection={<IconSparkles size={16} />} loading={demo.isPending} onClick={() => demo.mutate()}>
            Load demo data
          </Button>
          <Button component={Link} to="/import" variant="default" leftSection={<IconFileImport size={16} />}>
            Import contacts
          </Button>
          <Button component={Link} to="/contacts/new" variant="subtle" leftSection={<IconUserPlus size={16} />}>
            Add a contact
          </Button>
        </Group>
        <Text size="xs" c="dimmed" role="status" aria-live="polite">
          {demo.isPending
            ? 'Loading 300 sample contacts with two years of history; this takes a few seconds…'
            : 'Demo data adds 300 made-up people, with their organizations, interactions, notes and follow-ups, to this account.'}
        </Text>
        {demo.isError && (
          <Alert color="red" variant="light" title="Could not load the demo data" role="alert" w="100%" ta="left">
            {demo.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
