import { useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconEdit, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OrganizationDto } from '../../../contracts';
import { api, ApiError, formErrorsOf } from '../../api/client';
import { useOrganizations } from '../../api/hooks';
import { ConfirmDelete } from '../../ui/confirm-delete';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

/** Edit an organization's name, domain, website and notes; a duplicate name (409) shows beside the name. */
export function OrganizationEditForm({ org, onDone }: { org: OrganizationDto; onDone: () => void }) {
  const client = useQueryClient();
  const [values, setValues] = useState({ name: org.name, domain: org.domain ?? '', website: org.website ?? '', notes: org.notes ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [field]: e.currentTarget.value });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) return setErrors({ name: 'Name must not be empty' });
    setBusy(true);
    try {
      const blank = (v: string) => (v.trim() ? v.trim() : null);
      await api(`/api/v1/organizations/${org.id}`, {
        method: 'PATCH',
        body: { name: values.name.trim(), domain: blank(values.domain), website: blank(values.website), notes: values.notes.trim() ? values.notes : null },
      });
      notifications.show({ message: `${values.name.trim()} saved` });
      await client.invalidateQueries({ queryKey: ['organizations'] });
      await client.invalidateQueries({ queryKey: ['contacts'] });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setErrors({ name: error.message || 'An organization with this name already exists' });
      else setErrors(formErrorsOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        {errors._ && (
          <Text c="red" size="sm" role="alert">
            {errors._}
          </Text>
        )}
        <TextInput label="Name" required value={values.name} onChange={set('name')} error={errors.name} data-autofocus />
        <TextInput label="Domain" placeholder="example.com" value={values.domain} onChange={set('domain')} error={errors.domain} />
        <TextInput label="Website" placeholder="https://example.com" value={values.website} onChange={set('website')} error={errors.website} />
        <Textarea label="Notes" autosize minRows={2} value={values.notes} onChange={set('notes')} error={errors.notes} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function OrganizationsPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const list = useOrganizations(debounced || undefined);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<OrganizationDto | null>(null);
  const [editing, setEditing] = useState<OrganizationDto | null>(null);

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
      setErrors(formErrorsOf(error, 'name'));
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
      <TextInput aria-label="Filter organizations" data-shortcut="search" placeholder="Filter by name" leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
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
                <Table.Th w={80}>
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
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Edit ${org.name}`} onClick={() => setEditing(org)}>
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${org.name}`} onClick={() => setDeleting(org)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={`Edit ${editing?.name ?? 'organization'}`}>
        {editing && <OrganizationEditForm key={editing.id} org={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDelete
        opened={Boolean(deleting)}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete organization"
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      >
        Its contacts stay; they just lose the organization.
      </ConfirmDelete>
    </Stack>
  );
}
