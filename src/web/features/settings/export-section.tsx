import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { RestoreResultDto } from '../../../contracts';
import { api } from '../../api/client';

const downloads = [
  { href: '/api/v1/export/contacts.vcf', label: 'Contacts (vCard 4.0)' },
  { href: '/api/v1/export/contacts.vcf?version=3.0', label: 'Contacts (vCard 3.0)' },
  { href: '/api/v1/export/contacts.csv', label: 'Contacts (CSV)' },
  { href: '/api/v1/export/calendar.ics', label: 'Follow-ups and milestones (iCalendar)' },
  { href: '/api/v1/export/backup.json', label: 'Full backup (JSON)' },
];

/** Settings → Export and backup: downloads of your data, and restoring a backup into an empty account. */
export function ExportSection() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a Rapport backup (it is not valid JSON). Nothing was changed.`);
      }
      const result = await api<RestoreResultDto>('/api/v1/restore', { method: 'POST', body: backup });
      const contacts = result.restored.contact ?? 0;
      notifications.show({ color: 'green', message: `Backup restored: ${contacts} ${contacts === 1 ? 'contact' : 'contacts'} and everything with them` });
      setFile(null);
      await client.invalidateQueries();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Export and backup
        </Title>
        <Text size="sm" c="dimmed">
          Take your network anywhere: contacts as vCard (for phones, Google, Outlook, Apple) or CSV (for spreadsheets), your follow-ups and milestones as a
          calendar file, or a full backup of everything in your account.
        </Text>
        <Group gap="xs">
          {downloads.map((d) => (
            <Button key={d.href} component="a" href={d.href} download variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              {d.label}
            </Button>
          ))}
        </Group>
        <Title order={3} size="h5">
          Restore a backup
        </Title>
        <Text size="sm" c="dimmed">
          Puts a full backup back into this account. Only an empty account can be restored into, and it is all or nothing: a damaged backup, or one from a newer
          version of Rapport, changes nothing.
        </Text>
        <Group align="flex-end" gap="xs">
          <FileInput
            label="Backup file"
            placeholder="rapport-backup.json"
            accept="application/json,.json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(null);
            }}
            clearable
            style={{ flex: 1 }}
          />
          <Button leftSection={<IconUpload size={14} aria-hidden />} disabled={!file} onClick={() => setConfirming(true)}>
            Restore…
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="Not restored" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Restore this backup?">
        <Stack>
          <Text size="sm">
            Everything in <b>{file?.name}</b> is added to your account: contacts, interactions, notes, follow-ups and the rest. This works only while your account
            is empty.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button loading={busy} onClick={() => void restore()}>
              Restore backup
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
