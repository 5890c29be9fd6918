import { useState, type ReactNode } from 'react';
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBell, IconBuilding, IconHome, IconKeyboard, IconMessage, IconPencilPlus, IconSearch, IconSettings, IconTag, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSearch } from '../../api/hooks';
import { useQuickLog } from '../interactions/quick-log';
import { openShortcutsHelp } from '../shortcuts/keyboard-shortcuts';

interface Command {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  run: () => void;
}

/** Ctrl/Cmd+K: server search as you type (debounced), plus actions and pages. */
export function CommandPalette() {
  const navigate = useNavigate();
  const quickLog = useQuickLog();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useSearch(debounced);

  const commands: Command[] = [
    { id: 'new-contact', label: 'New contact', icon: <IconUserPlus size={18} />, run: () => navigate('/contacts/new') },
    { id: 'log', label: 'Log an interaction', description: 'Shortcut: L', icon: <IconPencilPlus size={18} />, run: () => quickLog.open() },
    { id: 'go-home', label: 'Go to Home', icon: <IconHome size={18} />, run: () => navigate('/') },
    { id: 'go-contacts', label: 'Go to Contacts', icon: <IconAddressBook size={18} />, run: () => navigate('/contacts') },
    { id: 'go-follow-ups', label: 'Go to Follow-ups', icon: <IconBell size={18} />, run: () => navigate('/follow-ups') },
    { id: 'go-organizations', label: 'Go to Organizations', icon: <IconBuilding size={18} />, run: () => navigate('/organizations') },
    { id: 'go-tags', label: 'Go to Tags', icon: <IconTag size={18} />, run: () => navigate('/tags') },
    { id: 'go-settings', label: 'Go to Settings', icon: <IconSettings size={18} />, run: () => navigate('/settings') },
    { id: 'shortcuts', label: 'Keyboard shortcuts', description: 'Shortcut: ?', icon: <IconKeyboard size={18} />, run: openShortcutsHelp },
  ];
  const needle = query.trim().toLowerCase();
  const matchingCommands = needle ? commands.filter((c) => c.label.toLowerCase().includes(needle)) : commands;
  const hits = needle && debounced ? (search.data?.items ?? []) : [];

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={420} onSpotlightClose={() => setQuery('')}>
      <Spotlight.Search placeholder="Search contacts and interactions, or type a command…" leftSection={search.isFetching ? <Loader size={16} /> : <IconSearch size={18} />} aria-label="Search" />
      <Spotlight.ActionsList aria-label="Results" className="rapport-palette-list">
        {hits.length > 0 && (
          <Spotlight.ActionsGroup label="Search results">
            {hits.map((hit) => (
              <Spotlight.Action
                key={`${hit.type}-${hit.id}`}
                onClick={() => navigate(hit.type === 'contact' ? `/contacts/${hit.id}` : `/contacts/${hit.contactId}`)}
                style={{ overflow: 'hidden' }}
              >
                <Group wrap="nowrap" gap="sm" w="100%" style={{ minWidth: 0 }}>
                  {hit.type === 'contact' ? <IconUser size={18} aria-hidden /> : <IconMessage size={18} aria-hidden />}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {hit.title}
                    </Text>
                    {hit.snippet && (
                      <Text size="xs" c="dimmed" truncate>
                        {hit.snippet}
                      </Text>
                    )}
                  </div>
                  <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                    {hit.type}
                  </Badge>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingCommands.length > 0 && (
          <Spotlight.ActionsGroup label="Actions">
            {matchingCommands.map((command) => (
              <Spotlight.Action key={command.id} label={command.label} description={command.description} leftSection={command.icon} onClick={() => command.run()} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {needle && debounced && !search.isFetching && hits.length === 0 && matchingCommands.length === 0 && <Spotlight.Empty>Nothing found for “{query}”</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

export const openPalette = () => spotlight.open();
