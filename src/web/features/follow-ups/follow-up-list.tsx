import { ActionIcon, Anchor, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClockPause } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FollowUpDto } from '../../../contracts';
import { useMe, useUpdateFollowUp } from '../../api/hooks';
import { addDays, formatDate, todayIn } from '../../ui/format';

export function FollowUpRow({ followUp }: { followUp: FollowUpDto }) {
  const me = useMe();
  const today = todayIn(me.data?.timezone ?? 'UTC');
  const update = useUpdateFollowUp();
  const overdue = !followUp.done && followUp.dueOn < today;
  const snooze = (days: number) =>
    update.mutate(
      { id: followUp.id, snoozedUntil: addDays(today, days) },
      { onSuccess: () => notifications.show({ message: `Snoozed until ${formatDate(addDays(today, days))}` }) },
    );
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} td={followUp.done ? 'line-through' : undefined}>
            {followUp.reason}
          </Text>
          <Text size="xs" c="dimmed">
            <Anchor component={Link} to={`/contacts/${followUp.contactId}`} size="xs" underline="always">
              {followUp.contactName}
            </Anchor>{' '}
            ·{' '}
            <Text span size="xs" c={overdue ? 'red' : undefined}>
              {followUp.done ? `done ${followUp.doneAt ? formatDate(followUp.doneAt.slice(0, 10)) : ''}` : `due ${formatDate(followUp.dueOn)}`}
              {followUp.snoozedUntil && !followUp.done && ` · snoozed until ${formatDate(followUp.snoozedUntil)}`}
            </Text>
          </Text>
        </div>
        {followUp.done ? (
          <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ id: followUp.id, done: false })}>
            Reopen
          </Button>
        ) : (
          <Group gap={4} wrap="nowrap">
            <Menu position="bottom-end">
              <Menu.Target>
                <Tooltip label="Snooze">
                  <ActionIcon variant="default" aria-label={`Snooze “${followUp.reason}”`}>
                    <IconClockPause size={16} />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => snooze(1)}>Until tomorrow</Menu.Item>
                <Menu.Item onClick={() => snooze(3)}>For 3 days</Menu.Item>
                <Menu.Item onClick={() => snooze(7)}>For a week</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Tooltip label="Mark done">
              <ActionIcon
                variant="light"
                color="green"
                aria-label={`Mark “${followUp.reason}” done`}
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { id: followUp.id, done: true },
                    {
                      onSuccess: () =>
                        notifications.show({
                          message: (
                            <Group justify="space-between" wrap="nowrap">
                              <Text size="sm">Marked done</Text>
                              <Button size="compact-xs" variant="light" onClick={() => update.mutate({ id: followUp.id, done: false })}>
                                Undo
                              </Button>
                            </Group>
                          ),
                        }),
                    },
                  )
                }
              >
                <IconCheck size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

export function FollowUpList({ items }: { items: FollowUpDto[] }) {
  return (
    <Stack gap="xs">
      {items.map((f) => (
        <FollowUpRow key={f.id} followUp={f} />
      ))}
    </Stack>
  );
}
