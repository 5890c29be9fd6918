import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, Progress, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileImport, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportDto, ImportOptionsInput } from '../../../contracts/imports';
import { ConfirmDelete } from '../../ui/confirm-delete';
import { ErrorState } from '../../ui/states';
import { useApplyImport, useImportHistory, useRepreviewImport, useUndoImport } from './hooks';
import { uploadImport } from './upload';

const formatLabels: Record<string, string> = {
  linkedin: 'LinkedIn Connections.csv',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  csv: 'CSV with a column mapping',
  vcard: 'vCard (.vcf)',
  icalendar: 'Calendar (.ics): past meetings',
};
const fieldLabels: Record<string, string> = {
  ignore: 'Leave out',
  name: 'Name',
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  organization: 'Organization',
  title: 'Title / role',
  location: 'Location',
  birthday: 'Birthday',
  note: 'Note',
  tags: 'Tags',
  linkedin: 'LinkedIn URL',
  website: 'Website',
  howWeMet: 'How we met',
  pronouns: 'Pronouns',
  headline: 'Headline',
  timezone: 'Time zone',
  circle: 'Circle',
  cadenceDays: 'Keep in touch every (days)',
  starred: 'Starred',
};

function Counts({ result }: { result: ImportDto }) {
  const cells: [string, number, string][] = [
    ['New', result.new, 'teal'],
    ['Merged', result.merged, 'blue'],
    ['Unchanged', result.unchanged, 'gray'],
    ['Skipped', result.skipped, 'yellow'],
    ['Failed', result.failed, 'red'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} aria-label="Import counts">
      {cells.map(([label, n, color]) => (
        <Paper key={label} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="xl" c={n ? color : undefined} data-testid={`count-${label.toLowerCase()}`}>
            {n}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Problems({ result }: { result: ImportDto }) {
  if (!result.problems.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Rows with problems
      </Title>
      <Table striped withTableBorder aria-label="Rows with problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>What happens</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.problems.slice(0, 200).map((p, i) => (
            <Table.Tr key={`${p.line}-${i}`}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>
                <Badge color={p.outcome === 'failed' ? 'red' : p.outcome === 'skipped' ? 'yellow' : 'gray'} variant="light">
                  {p.outcome === 'warning' ? 'imported without a value' : p.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>{p.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(result.problems.length > 200 || result.problemsTruncated) && <Text size="sm" c="dimmed">More rows have problems than are listed here.</Text>}
    </Stack>
  );
}

function ColumnMapping({ result, onPreview, busy }: { result: ImportDto; onPreview: (map: Record<string, string>) => void; busy: boolean }) {
  const [map, setMap] = useState<Record<string, string>>(() => Object.fromEntries((result.headers ?? []).map((h) => [h, result.columnMap?.[h] ?? 'ignore'])));
  if (!result.headers) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Columns
      </Title>
      <Text size="sm" c="dimmed">
        Say what each column holds, then preview again.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {result.headers.map((h) => (
          <Select
            key={h}
            label={h || '(no header)'}
            data={Object.entries(fieldLabels).map(([value, label]) => ({ value, label }))}
            value={map[h] ?? 'ignore'}
            onChange={(v) => setMap((m) => ({ ...m, [h]: v ?? 'ignore' }))}
            allowDeselect={false}
          />
        ))}
      </SimpleGrid>
      <Button variant="default" w="fit-content" loading={busy} onClick={() => onPreview(Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 'ignore')))}>
        Preview with these columns
      </Button>
    </Stack>
  );
}

/** How the history names an import: its file, else its format. */
const importName = (i: ImportDto) => i.fileName ?? formatLabels[i.format];

const contacts = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

/** What undoing an import will do, in words, for its confirmation. */
function undoConsequences({ new: created, merged }: ImportDto): string {
  const parts = [
    created > 0 && `deletes the ${contacts(created)} it created, with their notes and the interactions only they took part in`,
    merged > 0 && `takes back what it changed in the ${contacts(merged)} it merged into (edits made since to other fields stay)`,
  ].filter(Boolean);
  return parts.length ? `This ${parts.join(', and ')}.` : 'It created and changed no contacts; undoing it removes anything else it added.';
}

function History() {
  const history = useImportHistory();
  const undo = useUndoImport();
  // An earlier import may be days old: undoing it is confirmed first (the result's own Undo, right after
  // the import, is not).
  const [confirming, setConfirming] = useState<ImportDto | null>(null);
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (!items.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Past imports
      </Title>
      <Table withTableBorder aria-label="Past imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>New</Table.Th>
            <Table.Th>Merged</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{importName(i)}</Table.Td>
              <Table.Td>{(i.appliedAt ?? i.createdAt).slice(0, 16).replace('T', ' ')}</Table.Td>
              <Table.Td>{i.new}</Table.Td>
              <Table.Td>{i.merged}</Table.Td>
              <Table.Td>{i.status}</Table.Td>
              <Table.Td>
                {i.status === 'applied' && (
                  <Button size="xs" variant="subtle" color="red" aria-label={`Undo the import of ${importName(i)}`} onClick={() => setConfirming(i)}>
                    Undo
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {confirming && (
        <ConfirmDelete
          opened
          title={`Undo the import of ${importName(confirming)}?`}
          confirmLabel="Undo import"
          loading={undo.isPending}
          onClose={() => setConfirming(null)}
          onConfirm={() =>
            undo.mutate(confirming.id, {
              onSuccess: () => {
                setConfirming(null);
                notifications.show({ message: `Import of ${confirming.fileName ?? 'the file'} undone` });
              },
              onError: (e) => notifications.show({ color: 'red', title: 'Could not undo the import', message: (e as Error).message }),
            })
          }
        >
          {undoConsequences(confirming)}
        </ConfirmDelete>
      )}
    </Stack>
  );
}

/** The import wizard: choose a file, preview (with problem rows and CSV columns), confirm, result with undo. */
export default function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [createContacts, setCreateContacts] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportDto | null>(null);
  const [result, setResult] = useState<ImportDto | null>(null);
  const repreview = useRepreviewImport();
  const apply = useApplyImport();
  const undo = useUndoImport();
  const step = result ? 2 : preview ? 1 : 0;

  async function upload() {
    if (!file) return setUploadError('Choose a file first');
    setUploadError(null);
    setProgress(0);
    try {
      setPreview(await uploadImport(file, { format: format ?? undefined, createContacts }, setProgress));
    } catch (error) {
      setUploadError((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setResult(null);
    setUploadError(null);
  }

  const toImport = preview ? preview.new + preview.merged : 0;

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Import contacts
        </Title>
        <Button component={Link} to="/duplicates" variant="default">
          Find duplicates
        </Button>
      </Group>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Choose a file" />
        <Stepper.Step label="Preview" />
        <Stepper.Step label="Done" />
      </Stepper>

      {step === 0 && (
        <Paper withBorder p="md">
          <Stack>
            <Text size="sm">
              LinkedIn’s <b>Connections.csv</b>, a Google Contacts or Outlook CSV, any CSV, a vCard file, or a calendar (.ics) whose past meetings become interactions.
              Nothing changes until you confirm.
            </Text>
            <FileInput label="File" placeholder="Choose a file (up to 50 MB)" value={file} onChange={setFile} accept=".csv,.tsv,.txt,.vcf,.vcard,.ics,text/csv,text/vcard,text/calendar" leftSection={<IconUpload size={16} />} clearable />
            <Select
              label="Format"
              placeholder="Detect automatically"
              data={Object.entries(formatLabels).map(([value, label]) => ({ value, label }))}
              value={format}
              onChange={setFormat}
              clearable
            />
            <Checkbox label="Calendar: add attendees who are not contacts yet" checked={createContacts} onChange={(e) => setCreateContacts(e.currentTarget.checked)} />
            {progress !== null && <Progress value={Math.round(progress * 100)} aria-label="Upload progress" animated />}
            {uploadError && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
                {uploadError}
              </Alert>
            )}
            <Button leftSection={<IconFileImport size={16} />} onClick={() => void upload()} loading={progress !== null} w="fit-content">
              Upload and preview
            </Button>
          </Stack>
        </Paper>
      )}

      {step === 1 && preview && (
        <Paper withBorder p="md">
          <Stack>
            <Text>
              <b>{preview.fileName}</b>: {formatLabels[preview.format]}, {preview.rows} rows ({preview.encoding})
            </Text>
            <Counts result={preview} />
            {preview.format === 'csv' && <ColumnMapping key={preview.id} result={preview} busy={repreview.isPending} onPreview={(map) => repreview.mutate({ id: preview.id, options: { map: map as NonNullable<ImportOptionsInput['map']> } }, { onSuccess: setPreview, onError: (e) => setUploadError(e.message) })} />}
            {uploadError && <Alert color="red" role="alert">{uploadError}</Alert>}
            <Problems result={preview} />
            {apply.isPending && <Progress value={100} animated aria-label="Import progress" />}
            {apply.isError && <Alert color="red" role="alert">{apply.error.message}</Alert>}
            <Group>
              <Button onClick={() => apply.mutate(preview.id, { onSuccess: setResult })} loading={apply.isPending} disabled={toImport === 0}>
                {toImport === 0 ? 'Nothing to import' : `Import ${preview.new} new, merge ${preview.merged}`}
              </Button>
              <Button variant="default" onClick={reset}>
                Choose another file
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 2 && result && (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={600}>{result.status === 'undone' ? 'The import was undone.' : 'Imported.'}</Text>
            <Counts result={result} />
            <Group>
              <Button component={Link} to="/contacts">
                See contacts
              </Button>
              {result.status === 'applied' && (
                <Button variant="default" color="red" loading={undo.isPending} onClick={() => undo.mutate(result.id, { onSuccess: setResult })}>
                  Undo this import
                </Button>
              )}
              <Button variant="subtle" onClick={reset}>
                Import another file
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <History />
    </Stack>
  );
}
