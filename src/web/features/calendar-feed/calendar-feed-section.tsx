import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedDto, CreatedCalendarFeedDto } from '../../../contracts';
import { api } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';

const feedKey = ['calendar-feed'] as const;

/** Settings: the secret calendar (ICS) URL, created, rotated and revoked here. */
export function CalendarFeedSection() {
  const client = useQueryClient();
  const feed = useQuery({ queryKey: feedKey, queryFn: () => api<CalendarFeedDto>('/api/v1/calendar-feed') });
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<CreatedCalendarFeedDto>('/api/v1/calendar-feed', { method: 'POST', body: {} }),
    onSuccess: (result) => {
      setCreated(result.url);
      client.setQueryData(feedKey, { active: result.active, prefix: result.prefix, createdAt: result.createdAt, lastUsedAt: result.lastUsedAt });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api<null>('/api/v1/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => {
      setCreated(null);
      client.setQueryData(feedKey, { active: false, prefix: null, createdAt: null, lastUsedAt: null });
    },
  });

  return (
    <Paper withBorder p="md" aria-label="Calendar feed">
      <Stack>
        <Title order={2} size="h4">
          Calendar feed
        </Title>
        <Text size="sm" c="dimmed">
          Subscribe to a secret URL in your calendar app to see follow-ups, birthdays, milestones and snoozes as all-day events. Anyone with the URL can read it: rotate it if it leaks.
        </Text>
        {created && (
          <Alert color="green" title="Copy your calendar URL now" role="status">
            <Stack gap="xs">
              <Text size="sm">It is shown only once; Rapport keeps only its hash.</Text>
              <Group gap="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} data-testid="calendar-url">
                  {created}
                </Code>
                <CopyButton value={created}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {feed.isPending ? (
          <LoadingState rows={1} />
        ) : feed.isError ? (
          <ErrorState error={feed.error} />
        ) : feed.data.active ? (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              Active: <Code>{feed.data.prefix}…</Code>, created {formatDateTime(feed.data.createdAt!)}
              {feed.data.lastUsedAt ? `, last read ${formatDateTime(feed.data.lastUsedAt)}` : ', not read yet'}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" loading={create.isPending} onClick={() => create.mutate()}>
                Rotate URL
              </Button>
              <Button size="xs" variant="light" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                Revoke
              </Button>
            </Group>
          </Group>
        ) : (
          <Button w="fit-content" loading={create.isPending} onClick={() => create.mutate()}>
            Create calendar URL
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
