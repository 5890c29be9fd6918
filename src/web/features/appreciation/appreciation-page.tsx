import { ActionIcon, Badge, Button, Group, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconHeartHandshake, IconTrash } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { AppreciationForm } from './appreciation-form';
import { useAppreciation, useDeleteAppreciation, type AppreciationPath } from './hooks';
import { LedgerView } from './ledger';

function AppreciationList({ path }: { path: AppreciationPath }) {
  const list = useAppreciation(path);
  const remove = useDeleteAppreciation();
  if (list.isPending) return <LoadingState rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyState title={path === 'kudos' ? 'No kudos yet. Thank someone for something specific.' : 'No favors yet.'} icon={<IconHeartHandshake />} />;
  return (
    <Stack gap="xs">
      {items.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm">{a.text}</Text>
            <Text size="xs" c="dimmed">
              {formatDate(a.occurredOn)} · <Badge size="xs" variant="light" color={a.direction === 'given' ? 'teal' : 'blue'}>{a.direction}</Badge>{' '}
              {a.direction === 'given' ? 'to' : 'from'} <Link to={`/contacts/${a.contactId}`}>{a.contactName}</Link>
            </Text>
          </div>
          <Tooltip label="Delete">
            <ActionIcon variant="subtle" color="red" aria-label={`Delete “${a.text}”`} onClick={() => remove.mutate({ path, id: a.id })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}

const tabs = [
  { value: 'kudos', label: 'Kudos' },
  { value: 'favors', label: 'Favors' },
  { value: 'ledger', label: 'Ledger' },
] as const;

export default function AppreciationPage() {
  const [params, setParams] = useSearchParams();
  const current = params.get('tab') ?? 'kudos';
  return (
    <Stack maw={900}>
      <Title order={1}>Appreciation</Title>
      <Text c="dimmed" size="sm">
        Kudos you gave and received, help given and taken, and who you owe a thank-you.
      </Text>
      <AppreciationForm />
      <Tabs value={current} onChange={(v) => setParams(v && v !== 'kudos' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="kudos" pt="md">
          <AppreciationList path="kudos" />
        </Tabs.Panel>
        <Tabs.Panel value="favors" pt="md">
          <AppreciationList path="favors" />
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="md">
          <LedgerView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
