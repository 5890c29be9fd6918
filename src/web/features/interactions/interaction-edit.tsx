import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InteractionDto, InteractionKind } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { useDeleteInteraction, useUpdateInteraction } from '../../api/hooks';
import { kindLabels } from '../../ui/format';
import { localInputValue } from './quick-log';
import { ConfirmDelete } from '../../ui/confirm-delete';

const kindOptions = Object.entries(kindLabels).map(([value, label]) => ({ value, label }));

/** Edit one interaction of a timeline: kind, when, summary, notes, duration. */
export function InteractionEditModal({ interaction, onClose }: { interaction: InteractionDto | null; onClose: () => void }) {
  return (
    <Modal opened={Boolean(interaction)} onClose={onClose} title="Edit interaction" size="lg">
      {interaction && <InteractionEditForm key={interaction.id} interaction={interaction} onDone={onClose} />}
    </Modal>
  );
}

export function InteractionEditForm({ interaction, onDone }: { interaction: InteractionDto; onDone: () => void }) {
  const update = useUpdateInteraction();
  const [kind, setKind] = useState<InteractionKind>(interaction.kind);
  const [when, setWhen] = useState(localInputValue(new Date(interaction.occurredAt)));
  const [summary, setSummary] = useState(interaction.summary);
  const [notes, setNotes] = useState(interaction.notes ?? '');
  const [duration, setDuration] = useState<number | ''>(interaction.durationMinutes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!summary.trim()) problems.summary = 'Say in a few words what happened';
    const occurred = new Date(when);
    if (!when || Number.isNaN(occurred.getTime())) problems.occurredAt = 'Pick a date and time';
    if (duration !== '' && (!Number.isInteger(duration) || duration < 0 || duration > 1440)) problems.durationMinutes = 'Between 0 and 1440 minutes';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    update.mutate(
      { id: interaction.id, kind, occurredAt: occurred.toISOString(), summary: summary.trim(), notes: notes.trim() ? notes : null, durationMinutes: duration === '' ? null : duration },
      {
        onSuccess: () => {
          notifications.show({ message: 'Interaction updated' });
          onDone();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  }

  const general = update.error && !Object.keys(fieldErrorsOf(update.error)).length ? update.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select label="Kind" data={kindOptions} value={kind} onChange={(v) => v && setKind(v as InteractionKind)} allowDeselect={false} error={errors.kind} miw={180} />
          <TextInput label="When" type="datetime-local" value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={errors.occurredAt} miw={180} />
        </Group>
        <TextInput label="Summary" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} required maxLength={500} data-autofocus />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <NumberInput label="Duration (minutes)" min={0} max={1440} allowDecimal={false} value={duration} onChange={(v) => setDuration(typeof v === 'number' ? v : '')} error={errors.durationMinutes} w={200} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks before deleting an interaction; it leaves every participant's timeline. */
export function InteractionDeleteModal({ interaction, onClose }: { interaction: InteractionDto | null; onClose: () => void }) {
  const remove = useDeleteInteraction();
  const others = interaction ? interaction.contactIds.length - 1 : 0;
  return (
    <ConfirmDelete
      opened={Boolean(interaction)}
      title="Delete this interaction?"
      confirmLabel="Delete interaction"
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={() =>
        interaction &&
        remove.mutate(interaction, {
          onSuccess: () => {
            notifications.show({ message: 'Interaction deleted' });
            onClose();
          },
          onError: (e) => notifications.show({ color: 'red', title: 'Could not delete', message: (e as Error).message }),
        })
      }
    >
      “{interaction?.summary}” is removed{others > 0 ? ` from this timeline and ${others} other${others > 1 ? 's' : ''}` : ''}. It cannot be undone.
    </ConfirmDelete>
  );
}
