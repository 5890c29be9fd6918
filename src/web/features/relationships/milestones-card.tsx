import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ContactDto, MilestoneKind } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { formatDate } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';
import { useCreateMilestone, useDeleteMilestone, useMilestones } from '../today/hooks';

export const milestoneLabels: Record<MilestoneKind, string> = {
  birthday: 'Birthday',
  work_anniversary: 'Work anniversary',
  new_role: 'New role',
  launch: 'Launch',
  publication: 'Publication',
  custom: 'Other',
};

/** Milestones to celebrate with this contact; the birthday comes from the profile. */
export function MilestonesCard({ contact }: { contact: ContactDto }) {
  const milestones = useMilestones(contact.id);
  const create = useCreateMilestone();
  const remove = useDeleteMilestone();
  const [kind, setKind] = useState<MilestoneKind>('launch');
  const [title, setTitle] = useState('');
  const [onDate, setOnDate] = useState('');
  const [remind, setRemind] = useState<number | string>(3);
  const errors = fieldErrorsOf(create.error);

  function add(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { contactId: contact.id, kind, onDate, remindDaysBefore: Number(remind) || 0, ...(title.trim() && { title: title.trim() }) },
      { onSuccess: () => (setTitle(''), setOnDate('')) },
    );
  }

  return (
    <Card withBorder mt="md">
      <Title order={2} size="h5" mb="xs">
        Milestones
      </Title>
      {contact.birthday && (
        <Text size="sm" mb="xs">
          Birthday: {contact.birthday.startsWith('--') ? contact.birthday.slice(2) : formatDate(contact.birthday)}
        </Text>
      )}
      {milestones.isPending ? (
        <LoadingState rows={1} />
      ) : milestones.isError ? (
        <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />
      ) : milestones.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          No milestones yet: a launch, a new role, a work anniversary?
        </Text>
      ) : (
        <Stack gap={4} mb="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {milestones.data.items.map((m) => (
            <Group key={m.id} component="li" justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {m.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {milestoneLabels[m.kind]} · {m.recurrence === 'yearly' ? 'every year' : 'once'}
                  {m.nextOn ? ` · next ${formatDate(m.nextOn)}` : ' · passed'}
                </Text>
              </div>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete milestone ${m.title}`} onClick={() => remove.mutate(m.id)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <form onSubmit={add} aria-label="Add a milestone">
        <Stack gap={6}>
          <Group grow gap="xs">
            <NativeSelect label="Kind" size="xs" value={kind} onChange={(e) => setKind(e.currentTarget.value as MilestoneKind)} data={(Object.keys(milestoneLabels) as MilestoneKind[]).map((k) => ({ value: k, label: milestoneLabels[k] }))} error={errors.kind} />
            <TextInput label="Date" type="date" size="xs" required value={onDate} onChange={(e) => setOnDate(e.currentTarget.value)} error={errors.onDate} />
          </Group>
          <Group grow gap="xs" align="flex-end">
            <TextInput label="Title" size="xs" placeholder={milestoneLabels[kind]} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
            <NumberInput label="Remind days ahead" size="xs" min={0} max={60} value={remind} onChange={setRemind} error={errors.remindDaysBefore} />
          </Group>
          <Group justify="flex-end">
            <Button size="xs" type="submit" loading={create.isPending}>
              Add milestone
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
