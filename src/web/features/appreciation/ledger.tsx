import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ContactDto, LedgerEntryDto } from '../../../contracts';
import { ErrorState, LoadingState } from '../../ui/states';
import { AppreciationForm } from './appreciation-form';
import { useContactLedger, useLedger } from './hooks';

export function Balance({ value }: { value: number }) {
  if (value < 0) return <Badge color="orange" variant="light" title="You have received more than you gave">{value}</Badge>;
  if (value > 0) return <Badge color="teal" variant="light" title="You have given more than you received">+{value}</Badge>;
  return <Badge color="gray" variant="light">0</Badge>;
}

function LedgerTable({ entries }: { entries: LedgerEntryDto[] }) {
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Contact</Table.Th>
          <Table.Th>Kudos given</Table.Th>
          <Table.Th>Kudos received</Table.Th>
          <Table.Th>Favors given</Table.Th>
          <Table.Th>Favors received</Table.Th>
          <Table.Th>Balance</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.contactId}>
            <Table.Td>
              <Link to={`/contacts/${e.contactId}`}>{e.contactName}</Link>
            </Table.Td>
            <Table.Td>{e.kudosGiven}</Table.Td>
            <Table.Td>{e.kudosReceived}</Table.Td>
            <Table.Td>{e.favorsGiven}</Table.Td>
            <Table.Td>{e.favorsReceived}</Table.Td>
            <Table.Td>
              <Balance value={e.balance} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The overall reciprocity ledger: totals, whom you owe, everyone. */
export function LedgerView() {
  const ledger = useLedger();
  if (ledger.isPending) return <LoadingState rows={3} />;
  if (ledger.isError) return <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />;
  const { totals, owed, contacts } = ledger.data;
  return (
    <Stack>
      <Text>
        Kudos: gave {totals.kudosGiven}, received {totals.kudosReceived}. Favors: gave {totals.favorsGiven}, received {totals.favorsReceived}.
      </Text>
      {owed.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            You have received more than you gave to {owed.length === 1 ? 'this person' : `these ${owed.length} people`}
          </Title>
          <Stack gap={4}>
            {owed.map((e) => (
              <Group key={e.contactId} justify="space-between">
                <Link to={`/contacts/${e.contactId}`}>{e.contactName}</Link>
                <Text size="sm" c="dimmed">
                  gave {e.given}, received {e.received} <Balance value={e.balance} />
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {contacts.length === 0 ? <Text c="dimmed">No kudos or favors yet.</Text> : <LedgerTable entries={contacts} />}
    </Stack>
  );
}

/** The small "Give and take" section of a contact's page. */
export function ContactLedgerCard({ contact }: { contact: Pick<ContactDto, 'id' | 'name'> }) {
  const ledger = useContactLedger(contact.id);
  const [recording, setRecording] = useState(false);
  return (
    <Card withBorder mt="md" aria-label="Give and take">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Give and take
        </Title>
        <Button size="xs" variant="light" onClick={() => setRecording(true)}>
          Kudos or favor
        </Button>
      </Group>
      {ledger.isPending ? (
        <LoadingState rows={1} />
      ) : ledger.isError ? (
        <ErrorState error={ledger.error} />
      ) : ledger.data.given + ledger.data.received === 0 ? (
        <Text size="sm" c="dimmed">
          No kudos or favors yet.
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            You gave {ledger.data.kudosGiven} kudos and {ledger.data.favorsGiven} favors; received {ledger.data.kudosReceived} kudos and {ledger.data.favorsReceived} favors.
          </Text>
          <Group gap={6}>
            <Text size="sm">Balance</Text>
            <Balance value={ledger.data.balance} />
          </Group>
          {ledger.data.recent.slice(0, 3).map((a) => (
            <Text key={a.id} size="xs" c="dimmed">
              {a.occurredOn} · {a.kind === 'kudos' ? 'Kudos' : 'Favor'} {a.direction}: {a.text}
            </Text>
          ))}
        </Stack>
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title={`Kudos or favor with ${contact.name}`}>
        <AppreciationForm contact={contact} onDone={() => setRecording(false)} />
      </Modal>
    </Card>
  );
}
