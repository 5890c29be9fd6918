import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Code, CopyButton, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiTokenDto, MeDto } from '../../../contracts';
import { api, fieldErrorsOf, formErrorsOf } from '../../api/client';
import { keys, useMe, useTokens } from '../../api/hooks';
import { formatDateTime, timeZones } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';
import { ExportSection } from './export-section';
import { DataLocationSection } from './data-location';
import { CalendarFeedSection } from '../calendar-feed/calendar-feed-section';
import { RelationshipSettingsSection } from '../relationships/relationship-settings-section';
import { TemplatesSection } from '../relationships/templates-section';

function AccountSection({ me }: { me: MeDto }) {
  const client = useQueryClient();
  const [name, setName] = useState(me.name);
  const [timezone, setTimezone] = useState<string | null>(me.timezone);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const zones = useState(() => timeZones())[0];
  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const updated = await api<MeDto>('/api/v1/me', { method: 'PATCH', body: { name: name.trim(), timezone: timezone ?? 'UTC' } });
      client.setQueryData(keys.me, updated);
      setErrors({});
      notifications.show({ color: 'green', message: 'Account saved' });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
    } catch (e) {
      setErrors(formErrorsOf(e, 'name'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={save}>
        <Stack>
          <Title order={2} size="h4">
            Account
          </Title>
          <Text size="sm" c="dimmed">
            Signed in as {me.email} ({me.role})
          </Text>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Select label="Time zone" description="Decides what “today” means for due dates" searchable data={zones} value={timezone} onChange={setTimezone} error={errors.timezone} limit={50} allowDeselect={false} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TokensSection() {
  const tokens = useTokens();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const token = await api<ApiTokenDto & { token: string }>('/api/v1/tokens', { method: 'POST', body: { name: name.trim() || 'API token' } });
      setCreated(token.token);
      setName('');
      setError(undefined);
      await client.invalidateQueries({ queryKey: keys.tokens });
    } catch (e) {
      setError(fieldErrorsOf(e).name ?? (e as Error).message);
    }
  }

  async function revoke(token: ApiTokenDto) {
    await api(`/api/v1/tokens/${token.id}`, { method: 'DELETE' });
    setRevoking(null);
    notifications.show({ message: `Token ${token.name} revoked` });
    await client.invalidateQueries({ queryKey: keys.tokens });
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          API tokens
        </Title>
        <Text size="sm" c="dimmed">
          For scripts and the REST API: send <Code>Authorization: Bearer rap_…</Code>. See the <Anchor href="/api/docs" underline="always">API docs</Anchor>.
        </Text>
        {created && (
          <Alert color="green" title="Copy your new token now" role="status">
            <Stack gap="xs">
              <Text size="sm">It is shown only once; Rapport keeps only its hash.</Text>
              <Group gap="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} data-testid="new-token">
                  {created}
                </Code>
                <CopyButton value={created}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
              </Group>
              <Button size="xs" variant="subtle" w="fit-content" onClick={() => setCreated(null)}>
                Done
              </Button>
            </Stack>
          </Alert>
        )}
        <form onSubmit={create}>
          <Group align="flex-start" gap="xs">
            <TextInput aria-label="Token name" placeholder="Token name, e.g. laptop script" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} style={{ flex: 1 }} />
            <Button type="submit">Create token</Button>
          </Group>
        </form>
        {tokens.isPending ? (
          <LoadingState rows={2} />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} />
        ) : tokens.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tokens.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" color="red" variant="light" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={Boolean(revoking)} onClose={() => setRevoking(null)} title={`Revoke ${revoking?.name ?? ''}?`}>
        <Stack>
          <Text size="sm">Scripts using it stop working at once.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => revoking && void revoke(revoking)}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Appearance
        </Title>
        <SegmentedControl
          aria-label="Theme"
          value={colorScheme}
          onChange={(v) => setColorScheme(v as 'light' | 'dark' | 'auto')}
          data={[
            { value: 'auto', label: 'System' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          w="fit-content"
        />
      </Stack>
    </Paper>
  );
}

export default function SettingsPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError || !me.data) return <ErrorState error={me.error ?? 'Not signed in'} />;
  return (
    <Stack maw={760}>
      <Title order={1}>Settings</Title>
      <AccountSection me={me.data} />
      <RelationshipSettingsSection />
      <TemplatesSection />
      <AppearanceSection />
      <TokensSection />
      <CalendarFeedSection />
      <ExportSection />
      <DataLocationSection />
    </Stack>
  );
}
