import { useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, ColorInput, ColorSwatch, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPalette, IconTag, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TagDto } from '../../../contracts';
import { api, fieldErrorsOf } from '../../api/client';
import { useTags } from '../../api/hooks';
import { ConfirmDelete } from '../../ui/confirm-delete';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

export default function TagsPage() {
  const tags = useTags();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<{ tag: TagDto; name: string; error?: string } | null>(null);
  const [deleting, setDeleting] = useState<TagDto | null>(null);
  const [recolouring, setRecolouring] = useState<{ tag: TagDto; color: string; error?: string } | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['tags'] });
    await client.invalidateQueries({ queryKey: ['contacts'] });
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Name must not be empty');
    try {
      await api('/api/v1/tags', { method: 'POST', body: { name: name.trim() } });
      setName('');
      setError(undefined);
      await refresh();
    } catch (e) {
      setError(fieldErrorsOf(e).name ?? (e as Error).message);
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming) return;
    try {
      await api(`/api/v1/tags/${renaming.tag.id}`, { method: 'PATCH', body: { name: renaming.name.trim() } });
      setRenaming(null);
      await refresh();
    } catch (e) {
      setRenaming({ ...renaming, error: fieldErrorsOf(e).name ?? (e as Error).message });
    }
  }

  async function recolour(event: FormEvent) {
    event.preventDefault();
    if (!recolouring) return;
    const color = recolouring.color.trim();
    if (color && !/^#[0-9a-f]{6}$/i.test(color)) return setRecolouring({ ...recolouring, error: 'Use a hex colour such as #3b82f6' });
    try {
      await api(`/api/v1/tags/${recolouring.tag.id}`, { method: 'PATCH', body: { color: color ? color.toLowerCase() : null } });
      setRecolouring(null);
      await refresh();
    } catch (e) {
      setRecolouring({ ...recolouring, error: fieldErrorsOf(e).color ?? (e as Error).message });
    }
  }

  async function remove(tag: TagDto) {
    await api(`/api/v1/tags/${tag.id}`, { method: 'DELETE' });
    setDeleting(null);
    notifications.show({ message: `Tag ${tag.name} deleted` });
    await refresh();
  }

  return (
    <Stack maw={800}>
      <Title order={1}>Tags</Title>
      <Paper withBorder p="sm">
        <form onSubmit={add} aria-label="Add a tag">
          <Group align="flex-start" gap="xs">
            <TextInput aria-label="New tag name" placeholder="New tag, e.g. conference-2026" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} style={{ flex: 1 }} />
            <Button type="submit">Add tag</Button>
          </Group>
        </form>
      </Paper>
      {tags.isPending ? (
        <LoadingState rows={5} />
      ) : tags.isError ? (
        <ErrorState error={tags.error} onRetry={() => void tags.refetch()} />
      ) : tags.data.items.length === 0 ? (
        <EmptyState title="No tags yet" icon={<IconTag />}>
          Tags group people: a conference, a community, a project.
        </EmptyState>
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tag</Table.Th>
                <Table.Th ta="right">Contacts</Table.Th>
                <Table.Th w={120}>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tags.data.items.map((tag) => (
                <Table.Tr key={tag.id}>
                  <Table.Td>
                    <Group gap="xs">
                      {tag.color && <ColorSwatch color={tag.color} size={14} />}
                      <Anchor component={Link} to={`/contacts?tag=${encodeURIComponent(tag.name)}`}>
                        {tag.name}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{tag.contactCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Recolour ${tag.name}`} onClick={() => setRecolouring({ tag, color: tag.color ?? '' })}>
                        <IconPalette size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" aria-label={`Rename ${tag.name}`} onClick={() => setRenaming({ tag, name: tag.name })}>
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${tag.name}`} onClick={() => setDeleting(tag)}>
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
      <Modal opened={Boolean(renaming)} onClose={() => setRenaming(null)} title="Rename tag">
        <form onSubmit={rename}>
          <Stack>
            <TextInput label="Name" value={renaming?.name ?? ''} onChange={(e) => renaming && setRenaming({ ...renaming, name: e.currentTarget.value })} error={renaming?.error} data-autofocus />
            <Group justify="flex-end">
              <Button type="submit">Save</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={Boolean(recolouring)} onClose={() => setRecolouring(null)} title={`Colour of ${recolouring?.tag.name ?? 'tag'}`}>
        <form onSubmit={recolour} noValidate>
          <Stack>
            <ColorInput
              label="Colour"
              format="hex"
              fixOnBlur={false}
              placeholder="No colour"
              swatches={['#3b82f6', '#22c55e', '#eab308', '#f97316', '#ef4444', '#a855f7', '#ec4899', '#64748b']}
              value={recolouring?.color ?? ''}
              onChange={(color) => recolouring && setRecolouring({ ...recolouring, color, error: undefined })}
              error={recolouring?.error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => recolouring && setRecolouring({ ...recolouring, color: '' })}>
                No colour
              </Button>
              <Button type="submit">Save colour</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDelete
        opened={Boolean(deleting)}
        title={`Delete tag ${deleting?.name ?? ''}?`}
        confirmLabel="Delete tag"
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      >
        It is removed from {deleting?.contactCount ?? 0} contacts; the contacts stay.
      </ConfirmDelete>
    </Stack>
  );
}
