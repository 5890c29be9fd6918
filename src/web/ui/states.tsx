import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconMoodEmpty } from '@tabler/icons-react';
import { ApiError } from '../api/client';

export function LoadingState({ label = 'Loading…', rows = 0 }: { label?: string; rows?: number }) {
  if (rows > 0)
    return (
      <Stack gap="xs" aria-busy="true" aria-label={label}>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={48} radius="sm" />
        ))}
      </Stack>
    );
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children, action, icon }: { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          {icon ?? <IconMoodEmpty />}
        </ThemeIcon>
        <Title order={3} size="h4">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}

export function NotFoundState({ what = 'page' }: { what?: string }) {
  return (
    <EmptyState title={`${what[0]!.toUpperCase()}${what.slice(1)} not found`} icon={<IconAlertTriangle />}>
      It does not exist, was deleted, or belongs to another account.
    </EmptyState>
  );
}

/** A failed load of one record: "not found" when the API answered 404, else the error with a retry. */
export function LoadErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what?: string }) {
  return error instanceof ApiError && error.status === 404 ? <NotFoundState what={what} /> : <ErrorState error={error} onRetry={onRetry} />;
}
