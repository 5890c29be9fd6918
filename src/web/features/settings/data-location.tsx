import { Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { InstanceDto } from '../../../contracts';
import { api } from '../../api/client';
import { ErrorState, LoadingState } from '../../ui/states';

export function useInstance() {
  return useQuery({ queryKey: ['instance'], queryFn: () => api<InstanceDto>('/api/v1/instance'), staleTime: 5 * 60_000 });
}

const kindLabels: Record<InstanceDto['database']['kind'], string> = { sqlite: 'SQLite (embedded)', postgres: 'PostgreSQL' };

/** Settings → Your data: which database holds everything, and (for the admin) where it is. */
export function DataLocationSection() {
  const instance = useInstance();
  const db = instance.data?.database;
  const rows: [string, string][] = db
    ? [
        ['Database', kindLabels[db.kind]],
        ...(db.file ? ([['File', db.file]] as [string, string][]) : []),
        ...(db.host ? ([['Server', db.port ? `${db.host}:${db.port}` : db.host]] as [string, string][]) : []),
        ...(db.name ? ([['Database name', db.name]] as [string, string][]) : []),
        ['Rapport version', instance.data!.version],
      ]
    : [];
  const located = Boolean(db && (db.file || db.host));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <IconDatabase size={18} aria-hidden />
          <Title order={2} size="h4">
            Your data
          </Title>
        </Group>
        {instance.isPending ? (
          <LoadingState rows={2} label="Loading where your data lives…" />
        ) : instance.isError ? (
          <ErrorState error={instance.error} onRetry={() => void instance.refetch()} />
        ) : (
          <>
            <Table variant="vertical" layout="fixed" withTableBorder aria-label="Data location">
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={150}>{label}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{label === 'File' || label === 'Server' || label === 'Database name' ? <Code>{value}</Code> : value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {db?.kind === 'sqlite'
                ? 'Everything lives in one SQLite file on the machine that runs the server.'
                : 'Everything lives in the PostgreSQL database the server was given with DATABASE_URL.'}{' '}
              {located ? '' : 'Only the admin sees where it is stored.'}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
