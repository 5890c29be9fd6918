import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ActionIcon, Avatar, Badge, Button, Checkbox, Chip, Group, Menu, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconSearch, IconStarFilled, IconTag, IconUserPlus, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Link, useSearchParams } from 'react-router';
import type { ContactDto } from '../../../contracts';
import { api } from '../../api/client';
import { invalidateContactViews, useContacts, useOrganizations, useTags, type ContactFilters } from '../../api/hooks';
import { circleLabels, formatDate, initials, relativeDays } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { GetStarted } from '../onboarding/get-started';
import { useListKeys } from '../shortcuts/use-list-keys';

const ROW_HEIGHT = 64;
const sortOptions = [
  { value: 'name', label: 'Name' },
  { value: 'lastInteraction', label: 'Last interaction' },
  { value: 'nextDue', label: 'Next due' },
  { value: 'created', label: 'Recently added' },
];

export function filtersFrom(params: URLSearchParams): ContactFilters {
  const flag = (name: string) => (params.get(name) === 'true' ? true : undefined);
  return {
    q: params.get('q') || undefined,
    tag: params.get('tag') || undefined,
    organizationId: params.get('organizationId') || undefined,
    circle: params.get('circle') || undefined,
    starred: flag('starred'),
    archived: flag('archived'),
    due: flag('due'),
    sort: (params.get('sort') as ContactFilters['sort']) || 'name',
  };
}

function ContactRow({ contact, selected, onSelect }: { contact: ContactDto; selected: boolean; onSelect: (checked: boolean) => void }) {
  return (
    <Group className="rapport-row" data-active={selected} h={ROW_HEIGHT} px="sm" wrap="nowrap" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Checkbox aria-label={`Select ${contact.name}`} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
      <Avatar radius="xl" size="md" color="indigo" aria-hidden>
        {initials(contact.name)}
      </Avatar>
      <Link to={`/contacts/${contact.id}`} style={{ flex: 1, minWidth: 0, color: 'inherit', textDecoration: 'none' }}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} truncate>
            {contact.name}
          </Text>
          {contact.starred && <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label="Starred" />}
        </Group>
        <Text size="sm" c="dimmed" truncate>
          {[contact.title, contact.organization].filter(Boolean).join(' at ') || contact.emails[0] || '\u00a0'}
        </Text>
      </Link>
      <Group gap={4} wrap="nowrap" visibleFrom="md" maw={240} style={{ overflow: 'hidden' }}>
        {contact.tags.slice(0, 3).map((tag) => (
          <Badge key={tag} size="sm" variant="light">
            {tag}
          </Badge>
        ))}
      </Group>
      <Stack gap={0} align="flex-end" w={130} visibleFrom="xs">
        <Text size="xs" c="dimmed">
          {contact.lastInteractionAt ? `Seen ${relativeDays(contact.lastInteractionAt)}` : 'No interactions'}
        </Text>
        {contact.nextDueOn && (
          <Text size="xs" c="dimmed">
            Due {formatDate(contact.nextDueOn)}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

export default function ContactsPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const tags = useTags();
  const organizations = useOrganizations();
  const client = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const setParam = (name: string, value: string | null | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  useEffect(() => {
    if ((debounced || undefined) !== filters.q) setParam('q', debounced.trim() || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const contacts = useContacts(filters);
  const items = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(listRef.current?.offsetTop ?? 0);
  }, [contacts.isPending]);
  const virtualizer = useWindowVirtualizer({ count: items.length, estimateSize: () => ROW_HEIGHT, overscan: 10, scrollMargin: offset });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems.at(-1);
  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  useListKeys({
    listRef,
    count: items.length,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'center' }),
    onToggle: (index) => items[index] && toggle(items[index].id, !selected.has(items[index].id)),
  });
  useEffect(() => {
    // cancelRefetch: false: a second call while the page is on its way (this effect can run again before
    // isFetchingNextPage reaches it) joins that request instead of cancelling it and asking again.
    if (last && last.index >= items.length - 20 && contacts.hasNextPage && !contacts.isFetchingNextPage) void contacts.fetchNextPage({ cancelRefetch: false });
  }, [last, items.length, contacts]);

  async function bulk(action: { kind: 'tag'; tagId: string; name: string } | { kind: 'archive' }) {
    const ids = [...selected];
    try {
      if (action.kind === 'tag') await api(`/api/v1/tags/${action.tagId}/contacts`, { method: 'POST', body: { contactIds: ids } });
      else await Promise.all(ids.map((id) => api(`/api/v1/contacts/${id}`, { method: 'PATCH', body: { archived: true } })));
      notifications.show({ color: 'green', message: action.kind === 'tag' ? `Tagged ${ids.length} with ${action.name}` : `Archived ${ids.length}` });
      setSelected(new Set());
      invalidateContactViews(client);
      void client.invalidateQueries({ queryKey: ['tags'] });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Bulk change failed', message: (error as Error).message });
    }
  }

  const anyFilter = Boolean(filters.q || filters.tag || filters.organizationId || filters.circle || filters.starred || filters.archived || filters.due);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>Contacts</Title>
        <Button component={Link} to="/contacts/new" leftSection={<IconUserPlus size={16} />}>
          New contact
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap" align="flex-end">
            <TextInput
              aria-label="Filter contacts"
              data-shortcut="search"
              placeholder="Filter by name, organization, email…"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
            <Select aria-label="Tag" placeholder="Any tag" clearable searchable data={(tags.data?.items ?? []).map((t) => t.name)} value={filters.tag ?? null} onChange={(v) => setParam('tag', v)} style={{ flex: '1 1 140px' }} />
            <Select
              aria-label="Organization"
              placeholder="Any organization"
              clearable
              searchable
              data={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={filters.organizationId ?? null}
              onChange={(v) => setParam('organizationId', v)}
              style={{ flex: '1 1 170px' }}
            />
            <Select aria-label="Circle" placeholder="Any circle" clearable data={Object.entries(circleLabels).map(([value, label]) => ({ value, label }))} value={filters.circle ?? null} onChange={(v) => setParam('circle', v)} style={{ flex: '1 1 140px' }} />
            <Select aria-label="Sort by" data={sortOptions} value={filters.sort ?? 'name'} onChange={(v) => setParam('sort', v === 'name' ? null : v)} allowDeselect={false} style={{ flex: '1 1 150px' }} />
          </Group>
          <Group gap="xs">
            <Chip size="xs" checked={Boolean(filters.starred)} onChange={(c) => setParam('starred', c ? 'true' : null)}>
              Starred
            </Chip>
            <Chip size="xs" checked={Boolean(filters.due)} onChange={(c) => setParam('due', c ? 'true' : null)}>
              Due to reach out
            </Chip>
            <Chip size="xs" checked={Boolean(filters.archived)} onChange={(c) => setParam('archived', c ? 'true' : null)}>
              Archived
            </Chip>
            {anyFilter && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconX size={12} />}
                onClick={() => {
                  setSearch('');
                  setParams(new URLSearchParams(filters.sort && filters.sort !== 'name' ? { sort: filters.sort } : {}), { replace: true });
                }}
              >
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      {selected.size > 0 && (
        <Paper withBorder p="xs" bg="var(--mantine-primary-color-light)" role="region" aria-label="Bulk actions">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {selected.size} selected
            </Text>
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="default" leftSection={<IconTag size={14} />} disabled={!tags.data?.items.length}>
                  Tag
                </Button>
              </Menu.Target>
              <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
                {(tags.data?.items ?? []).map((t) => (
                  <Menu.Item key={t.id} onClick={() => void bulk({ kind: 'tag', tagId: t.id, name: t.name })}>
                    {t.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button size="xs" variant="default" leftSection={<IconArchive size={14} />} onClick={() => void bulk({ kind: 'archive' })}>
              Archive
            </Button>
            <Tooltip label="Clear selection">
              <ActionIcon variant="subtle" aria-label="Clear selection" onClick={() => setSelected(new Set())}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      )}
      {contacts.isPending ? (
        <LoadingState rows={8} label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : items.length === 0 ? (
        anyFilter ? (
          <EmptyState title="No contacts match">Try fewer filters.</EmptyState>
        ) : (
          <GetStarted title="No contacts yet" />
        )
      ) : (
        <Paper withBorder ref={listRef} role="list" aria-label="Contacts" style={{ overflow: 'hidden' }}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((row) => {
              const contact = items[row.index]!;
              return (
                <div
                  key={contact.id}
                  role="listitem"
                  data-index={row.index}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
                >
                  <ContactRow
                    contact={contact}
                    selected={selected.has(contact.id)}
                    onSelect={(checked) => toggle(contact.id, checked)}
                  />
                </div>
              );
            })}
          </div>
          {contacts.isFetchingNextPage && <LoadingState label="Loading more…" />}
        </Paper>
      )}
    </Stack>
  );
}
