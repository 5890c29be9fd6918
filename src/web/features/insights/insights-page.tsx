import { lazy, Suspense } from 'react';
import { Badge, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { circleLabels } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';
import { useInsights } from './hooks';

// The charts (recharts) are a chunk of their own, fetched only once the numbers are here.
const InsightsCharts = lazy(() => import('./insights-charts'));

export default function InsightsPage() {
  const [params, setParams] = useSearchParams();
  const weeks = Number(params.get('weeks') ?? 12);
  const insights = useInsights([8, 12, 26, 52].includes(weeks) ? weeks : 12);
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Insights</Title>
        <SegmentedControl
          aria-label="Weeks shown"
          value={String(weeks)}
          onChange={(v) => setParams(v === '12' ? {} : { weeks: v }, { replace: true })}
          data={['8', '12', '26', '52'].map((w) => ({ value: w, label: `${w} weeks` }))}
        />
      </Group>
      {insights.isPending ? (
        <LoadingState rows={4} />
      ) : insights.isError ? (
        <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />
      ) : (
        <>
          <Suspense fallback={<LoadingState label="Drawing charts…" rows={3} />}>
            <InsightsCharts insights={insights.data} />
          </Suspense>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Fading ties
            </Title>
            {insights.data.fading.length === 0 ? (
              <Text c="dimmed" size="sm">
                No strong tie is fading. Nice.
              </Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Contact</Table.Th>
                    <Table.Th>Circle</Table.Th>
                    <Table.Th>Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {insights.data.fading.map((f) => (
                    <Table.Tr key={f.contactId}>
                      <Table.Td>
                        <Link to={`/contacts/${f.contactId}`}>{f.name}</Link>
                      </Table.Td>
                      <Table.Td>{f.circle ? <Badge variant="light">{circleLabels[f.circle] ?? f.circle}</Badge> : '—'}</Table.Td>
                      <Table.Td>{f.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
