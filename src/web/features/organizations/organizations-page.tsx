import { useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OrganizationDto } from '../../../contracts';
import { api, fieldErrorsOf } from '../../api/client';
import { useOrganizations } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

export default function OrganizationsPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const list = useOrganizations(debounced || undefined);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<OrganizationDto | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Name must not be empty' });
    try {
      await api('/api/v1/organizations', { method: 'POST', body: { name: name.trim(), ...(domain.trim() && { domain: domain.trim() }) } });
      setName('');
      setDomain('');
      setErrors({});
      await client.invalidateQueries({ queryKey: ['organizations'] });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(Object.keys(fields).length ? fields : { name: (error as Error).message });
    }
  }

  async function remove(org: OrganizationDto) {
    await api(`/api/v1/organizations/${org.id}`, { method: 'DELETE' });
    setDeleting(null);
    notifications.show({ message: `${org.name} deleted` });
    await client.invalidateQueries({ queryKey: ['organizations'] });
    await client.invalidateQueries({ queryKey: ['contacts'] });
  }

  return (
    <Stack maw={900}>
      <Title order={1}>Organizations</Title>
      <Paper withBorder p="sm">
        <form onSubmit={add} aria-label="Add an organization">
          <Group align="flex-start" wrap="wrap" gap="xs">
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} style={{ flex: '1 1 200px' }} />
            <TextInput label="Domain" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.currentTarget.value)} error={errors.domain} style={{ flex: '1 1 160px' }} />
            <Button type="submit" mt={25}>
              Add
            </Button>
          </Group>
        </form>
      </Paper>
      <TextInput aria-label="Filter organizations" placeholder="Filter by name" leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {list.isPending ? (
        <LoadingState rows={5} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={debounced ? 'No organization matches' : 'No organizations yet'} icon={<IconBuilding />}>
          Organizations are created when you set one on a contact, or add them here.
        </EmptyState>
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="xs">Domain</Table.Th>
                <Table.Th ta="right">Contacts</Table.Th>
                <Table.Th w={50}>
                  <span className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                    Actions
                  </span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((org) => (
                <Table.Tr key={org.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts?organizationId=${org.id}`}>
                      {org.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td visibleFrom="xs">
                    <Text size="sm" c="dimmed">
                      {org.domain ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{org.contactCount}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${org.name}`} onClick={() => setDeleting(org)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={Boolean(deleting)} onClose={() => setDeleting(null)} title={`Delete ${deleting?.name ?? ''}?`}>
        <Stack>
          <Text size="sm">Its contacts stay; they just lose the organization.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => deleting && void remove(deleting)}>
              Delete organization
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
