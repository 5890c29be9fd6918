import { ActionIcon, AppShell, Burger, Button, Group, Kbd, Menu, NavLink, ScrollArea, Text, Tooltip, UnstyledButton, useComputedColorScheme, useMantineColorScheme, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconAddressBook, IconBell, IconBuilding, IconCalendarEvent, IconChartBar, IconCoffee, IconCopy, IconFileImport, IconHeartHandshake, IconHome, IconKeyboard,
  IconMoon, IconPencilPlus, IconSchool, IconSearch, IconSettings, IconSpeakerphone, IconSun, IconTag, IconTargetArrow, IconUserCircle, IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { keys, useMe } from '../api/hooks';
import { CommandPalette } from '../features/palette/command-palette';
import { QuickLogProvider, useQuickLog } from '../features/interactions/quick-log';
import { KeyboardShortcuts, openShortcutsHelp } from '../features/shortcuts/keyboard-shortcuts';

/** The navigation, grouped by what the user came to do. */
const navGroups = [
  {
    label: 'Every day',
    items: [
      { to: '/', label: 'Home', icon: IconHome, end: true },
      { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
      { to: '/follow-ups', label: 'Follow-ups', icon: IconBell },
      { to: '/review', label: 'Weekly review', icon: IconTargetArrow },
      { to: '/appreciation', label: 'Appreciation', icon: IconHeartHandshake },
    ],
  },
  {
    label: 'Grow your network',
    items: [
      { to: '/events', label: 'Events', icon: IconCalendarEvent },
      { to: '/chats', label: 'Coffee chats', icon: IconCoffee },
      { to: '/mentorships', label: 'Mentorships', icon: IconSchool },
      { to: '/communities', label: 'Communities', icon: IconUsersGroup },
      { to: '/social', label: 'Social media', icon: IconSpeakerphone },
      { to: '/insights', label: 'Insights', icon: IconChartBar },
    ],
  },
  {
    label: 'Organize',
    items: [
      { to: '/organizations', label: 'Organizations', icon: IconBuilding },
      { to: '/tags', label: 'Tags', icon: IconTag },
      { to: '/import', label: 'Import', icon: IconFileImport },
      { to: '/duplicates', label: 'Duplicates', icon: IconCopy },
      { to: '/settings', label: 'Settings', icon: IconSettings },
    ],
  },
];

export function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await api('/api/auth/sign-out', { method: 'POST', body: {} }).catch(() => undefined);
    client.clear();
    client.setQueryData(keys.me, null);
    navigate('/sign-in', { replace: true });
  };
}

function Header({ opened, toggle }: { opened: boolean; toggle: () => void }) {
  const me = useMe();
  const quickLog = useQuickLog();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
        <UnstyledButton onClick={() => navigate('/')} aria-label="Rapport home">
          <Group gap={6} wrap="nowrap">
            <img src="/favicon.svg" width={26} height={26} alt="" />
            <Text fw={700} size="lg" visibleFrom="xs">
              Rapport
            </Text>
          </Group>
        </UnstyledButton>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" leftSection={<IconSearch size={16} />} onClick={() => spotlight.open()} aria-label="Search and commands" visibleFrom="sm">
          <Text size="sm" c="dimmed" mr="md">
            Search…
          </Text>
          <Kbd size="xs">Ctrl K</Kbd>
        </Button>
        <ActionIcon variant="default" size="lg" hiddenFrom="sm" aria-label="Search and commands" onClick={() => spotlight.open()}>
          <IconSearch size={18} />
        </ActionIcon>
        <Tooltip label="Log an interaction (L)">
          <Button leftSection={<IconPencilPlus size={16} />} onClick={() => quickLog.open()} visibleFrom="sm">
            Log
          </Button>
        </Tooltip>
        <ActionIcon size="lg" hiddenFrom="sm" aria-label="Log an interaction" onClick={() => quickLog.open()}>
          <IconPencilPlus size={18} />
        </ActionIcon>
        <ThemeToggle />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="Account menu">
              <IconUserCircle size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{me.data?.email}</Menu.Label>
            <Menu.Item leftSection={<IconSettings size={14} />} onClick={() => navigate('/settings')}>
              Settings
            </Menu.Item>
            <Menu.Item leftSection={<IconKeyboard size={14} />} rightSection={<Kbd size="xs">?</Kbd>} onClick={openShortcutsHelp}>
              Keyboard shortcuts
            </Menu.Item>
            <Menu.Item color="red" onClick={() => void signOut()}>
              Sign out
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  return (
    <QuickLogProvider>
      <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Header opened={opened} toggle={toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          <VisuallyHidden>
            <h2>Navigation</h2>
          </VisuallyHidden>
          <AppShell.Section grow component={ScrollArea} type="scroll">
            {navGroups.map((group, i) => (
              <div key={group.label} role="group" aria-labelledby={`nav-group-${i}`}>
                <Text id={`nav-group-${i}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={i ? 'md' : 4} pb={4}>
                  {group.label}
                </Text>
                {group.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    end={'end' in item ? item.end : undefined}
                    label={item.label}
                    leftSection={<item.icon size={18} stroke={1.6} />}
                    active={'end' in item ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                    onClick={close}
                  />
                ))}
              </div>
            ))}
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <CommandPalette />
      <KeyboardShortcuts />
    </QuickLogProvider>
  );
}
