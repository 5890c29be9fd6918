import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDelete } from './confirm-delete';

/**
 * The top of a detail page (an event, a chat, a community, a mentorship): the way back to its list, the
 * title with a line of context, and Delete behind a confirmation that says what else goes.
 */
export function DetailHeader({
  back,
  title,
  children,
  remove,
}: {
  back: { to: string; label: string };
  title: ReactNode;
  children?: ReactNode;
  remove: { id: string; what: string; consequence: string; mutation: { isPending: boolean; mutate(id: string, options: { onSuccess: () => void; onError: (e: Error) => void }): void } };
}) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{title}</Title>
          {children}
        </div>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </Group>
      <ConfirmDelete
        opened={confirming}
        title={`Delete ${remove.what}?`}
        confirmLabel={`Delete ${remove.what}`}
        loading={remove.mutation.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutation.mutate(remove.id, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ message: `Deleted ${remove.what}` });
              navigate(back.to, { replace: true });
            },
            onError: (e) => notifications.show({ color: 'red', title: 'Could not delete', message: e.message }),
          })
        }
      >
        {remove.consequence} It cannot be undone.
      </ConfirmDelete>
    </>
  );
}
