import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RelationshipSettingsDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { circleLabels } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';
import { useRelationshipSettings, useUpdateRelationshipSettings } from '../today/hooks';

function SettingsForm({ settings }: { settings: RelationshipSettingsDto }) {
  const update = useUpdateRelationshipSettings();
  const [cadences, setCadences] = useState(() => Object.fromEntries(settings.circles.map((c) => [c.circle, c.cadenceDays])) as Record<string, number | null>);
  const [budget, setBudget] = useState<number | string>(settings.dailyBudget);
  const [halfLife, setHalfLife] = useState<number | string>(settings.recencyHalfLifeDays);
  const errors = fieldErrorsOf(update.error);

  function save(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { cadences, dailyBudget: Number(budget), recencyHalfLifeDays: Number(halfLife) },
      { onSuccess: () => notifications.show({ color: 'green', message: 'Circles and cadences saved; due dates updated' }) },
    );
  }

  return (
    <form onSubmit={save}>
      <Stack>
        <Title order={2} size="h4">
          Circles and cadences
        </Title>
        <Text size="sm" c="dimmed">
          How often to keep in touch with each circle. A contact’s own cadence overrides its circle’s; the due date runs from the last call,
          video, coffee, meeting, message or email (not from social-media reactions or group events).
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Circle</Table.Th>
              <Table.Th>Usual size</Table.Th>
              <Table.Th>Remind</Table.Th>
              <Table.Th>Every (days)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.circles.map((c) => {
              const value = cadences[c.circle];
              const on = value !== null && value !== undefined;
              const label = circleLabels[c.circle] ?? c.circle;
              return (
                <Table.Tr key={c.circle}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{c.size ? `~${c.size}` : '—'}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Remind for ${label}`}
                      checked={on}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setCadences((all) => ({ ...all, [c.circle]: checked ? (c.defaultCadenceDays ?? 90) : null }));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${label}: keep in touch every N days`}
                      size="xs"
                      w={110}
                      min={1}
                      max={3650}
                      disabled={!on}
                      value={value ?? ''}
                      onChange={(v) => setCadences((all) => ({ ...all, [c.circle]: v === '' ? null : Number(v) }))}
                      error={errors[`cadences.${c.circle}`]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group grow align="flex-start">
          <NumberInput label="Daily budget" description="Items on the Today agenda" min={1} max={50} value={budget} onChange={setBudget} error={errors.dailyBudget} />
          <NumberInput label="Recency half-life (days)" description="After this long, recency counts half in the strength score" min={1} max={365} value={halfLife} onChange={setHalfLife} error={errors.recencyHalfLifeDays} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save circles
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Settings: circle cadences, the daily budget of the Today agenda and the strength half-life. */
export function RelationshipSettingsSection() {
  const settings = useRelationshipSettings();
  return (
    <Paper withBorder p="md">
      {settings.isPending ? <LoadingState rows={3} /> : settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : <SettingsForm settings={settings.data} />}
    </Paper>
  );
}
