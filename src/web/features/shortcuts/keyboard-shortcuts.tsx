import { Fragment, useEffect, useRef, useState } from 'react';
import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { useNavigate } from 'react-router';
import { isPlainShortcut, SEARCH_FIELD } from './keyboard';
import { goTo, shortcutGroups } from './shortcut-list';

const OPEN_HELP = 'rapport:shortcuts-help';
/** "G then H" must be typed within this long. */
const SEQUENCE_MS = 1500;

/** Opens the shortcuts help from anywhere (a menu item, a button). */
export function openShortcutsHelp() {
  window.dispatchEvent(new Event(OPEN_HELP));
}

function Keys({ combo }: { combo: string }) {
  const steps = combo.split(' ');
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {steps.map((step, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <Text span size="xs" c="dimmed">
              then
            </Text>
          )}
          {step.split('+').map((key, j) => (
            <Fragment key={j}>
              {j > 0 && (
                <Text span size="xs" c="dimmed">
                  +
                </Text>
              )}
              <Kbd size="sm">{key}</Kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Group>
  );
}

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="xl" fullScreen={phone} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Text size="sm" c="dimmed" mb="md">
        Single-key shortcuts work anywhere except while you type in a field.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {shortcutGroups.map((group) => (
          <Stack key={group.title} gap={4}>
            <Title order={3} size="h5">
              {group.title}
            </Title>
            <Table verticalSpacing={4} aria-label={group.title}>
              <Table.Tbody>
                {group.shortcuts.map((s) => (
                  <Table.Tr key={s.label}>
                    <Table.Td>
                      <Text size="sm">{s.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {s.keys.map((combo, i) => (
                          <Fragment key={combo}>
                            {i > 0 && (
                              <Text span size="xs" c="dimmed">
                                or
                              </Text>
                            )}
                            <Keys combo={combo} />
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  );
}

/**
 * The app-wide keys: "?" shows the help, "/" goes to the page's filter (or opens the palette),
 * "G" then a letter goes to a page. Page keys (J/K on the contacts list) live with their page.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  const pendingG = useRef(0);

  useEffect(() => {
    const open = () => setHelpOpen(true);
    window.addEventListener(OPEN_HELP, open);
    return () => window.removeEventListener(OPEN_HELP, open);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPlainShortcut(event)) return;
      const key = event.key.toLowerCase();
      if (pendingG.current && Date.now() - pendingG.current < SEQUENCE_MS) {
        pendingG.current = 0;
        const target = goTo.find((g) => g.key === key);
        if (target) {
          event.preventDefault();
          navigate(target.path);
          return;
        }
      }
      pendingG.current = 0;
      if (key === '?') {
        event.preventDefault();
        setHelpOpen(true);
      } else if (key === '/') {
        event.preventDefault();
        const field = document.querySelector<HTMLInputElement>(SEARCH_FIELD);
        if (field) {
          field.focus();
          field.select();
        } else spotlight.open();
      } else if (key === 'g' && !event.shiftKey) {
        pendingG.current = Date.now();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  return <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />;
}
