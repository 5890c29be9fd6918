import { Button, Stack, Tabs, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useFollowUps } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { FollowUpList } from './follow-up-list';

const tabs = [
  { value: 'due', label: 'Due', empty: 'Nothing due. You are all caught up.' },
  { value: 'upcoming', label: 'Upcoming', empty: 'No follow-ups planned. Add one from a contact’s page.' },
  { value: 'done', label: 'Done', empty: 'Nothing done yet.' },
] as const;

function FollowUpTab({ status, empty }: { status: 'due' | 'upcoming' | 'done'; empty: string }) {
  const list = useFollowUps(status);
  if (list.isPending) return <LoadingState rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyState title={empty} icon={<IconBell />} />;
  return (
    <Stack>
      <FollowUpList items={items} />
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}

export default function FollowUpsPage() {
  const [params, setParams] = useSearchParams();
  const current = (params.get('status') as 'due' | 'upcoming' | 'done' | null) ?? 'due';
  return (
    <Stack maw={900}>
      <Title order={1}>Follow-ups</Title>
      <Tabs value={current} onChange={(v) => setParams(v && v !== 'due' ? { status: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            <FollowUpTab status={t.value} empty={t.empty} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
