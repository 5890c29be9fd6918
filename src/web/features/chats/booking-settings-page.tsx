import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Card, CopyButton, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { AvailabilityWindowDto, BookingSettingsDto } from '../../../contracts';
import { formErrorsOf } from '../../api/client';
import { ErrorState, LoadingState } from '../../ui/states';
import { useBookingSettings, useUpdateBookingSettings } from './hooks';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function BookingForm({ settings }: { settings: BookingSettingsDto }) {
  const save = useUpdateBookingSettings();
  const [form, setForm] = useState(settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setForm(settings), [settings]);
  const set = <K extends keyof BookingSettingsDto>(key: K, value: BookingSettingsDto[K]) => setForm({ ...form, [key]: value });
  const setWindow = (i: number, change: Partial<AvailabilityWindowDto>) => set('availability', form.availability.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const link = `${window.location.origin}/book/${settings.slug}`;

  function submit() {
    save.mutate(
      {
        enabled: form.enabled,
        slug: form.slug,
        title: form.title?.trim() || null,
        timezone: form.timezone,
        availability: form.availability,
        slotMinutes: form.slotMinutes,
        bufferMinutes: form.bufferMinutes,
        minNoticeMinutes: form.minNoticeMinutes,
        horizonDays: form.horizonDays,
      },
      {
        onSuccess: (s) => {
          setErrors({});
          notifications.show({ message: s.enabled ? 'Booking page saved and on' : 'Booking page saved (off)' });
        },
        onError: (e) => {
          setErrors(formErrorsOf(e));
        },
      },
    );
  }

  return (
    <Stack>
      {settings.saved && settings.enabled ? (
        <Alert color="green" title="Your booking page is on">
          <Group gap="xs">
            <Anchor href={`/book/${settings.slug}`} target="_blank">
              {link}
            </Anchor>
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" leftSection={<IconCopy size={12} />} onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">Visitors see only your first name, the title and your open times. Each booking lands in your pipeline as scheduled.</Text>
        </Alert>
      ) : (
        <Alert color="blue" title="Off until you turn it on">
          Share a link where people pick a time for a coffee chat with you: choose when you are available, then switch it on.
        </Alert>
      )}
      {errors._ && (
        <Text c="red" role="alert">
          {errors._}
        </Text>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <Switch label="Booking page on" checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput label="Address" leftSection={<Text size="xs">/book/</Text>} leftSectionWidth={50} value={form.slug} onChange={(e) => set('slug', e.currentTarget.value)} error={errors.slug} w={260} />
            <TextInput label="Title" placeholder="Coffee chat with me" value={form.title ?? ''} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} style={{ flex: 1 }} />
            <TextInput label="Time zone" value={form.timezone} onChange={(e) => set('timezone', e.currentTarget.value)} error={errors.timezone} w={200} />
          </Group>
          <Group gap="xs" wrap="wrap">
            <NumberInput label="Chat length (min)" value={form.slotMinutes} onChange={(v) => set('slotMinutes', Number(v) || 0)} min={10} max={240} error={errors.slotMinutes} w={150} />
            <NumberInput label="Buffer between (min)" value={form.bufferMinutes} onChange={(v) => set('bufferMinutes', Number(v) || 0)} min={0} max={240} error={errors.bufferMinutes} w={170} />
            <NumberInput label="Minimum notice (min)" value={form.minNoticeMinutes} onChange={(v) => set('minNoticeMinutes', Number(v) || 0)} min={0} error={errors.minNoticeMinutes} w={170} />
            <NumberInput label="Days ahead" value={form.horizonDays} onChange={(v) => set('horizonDays', Number(v) || 1)} min={1} max={90} error={errors.horizonDays} w={120} />
          </Group>
          <div>
            <Text fw={600} size="sm">
              Weekly availability ({form.timezone})
            </Text>
            {errors.availability && (
              <Text c="red" size="sm">
                {errors.availability}
              </Text>
            )}
            <Stack gap={4} mt={4}>
              {form.availability.map((w, i) => (
                <Group key={i} gap="xs">
                  <Select aria-label={`Day of window ${i + 1}`} data={weekdays.map((d, n) => ({ value: String(n + 1), label: d }))} value={String(w.weekday)} onChange={(v) => v && setWindow(i, { weekday: Number(v) })} allowDeselect={false} w={140} />
                  <TextInput aria-label={`Start of window ${i + 1}`} type="time" value={w.start} onChange={(e) => setWindow(i, { start: e.currentTarget.value })} w={120} />
                  <Text size="sm">to</Text>
                  <TextInput aria-label={`End of window ${i + 1}`} type="time" value={w.end} onChange={(e) => setWindow(i, { end: e.currentTarget.value })} w={120} error={errors[`availability.${i}.end`]} />
                  <ActionIcon variant="subtle" color="gray" aria-label={`Remove window ${i + 1}`} onClick={() => set('availability', form.availability.filter((_, j) => j !== i))}>
                    <IconX size={14} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set('availability', [...form.availability, { weekday: 2, start: '09:00', end: '12:00' }])}>
                Add a window
              </Button>
            </Stack>
          </div>
          <Button onClick={submit} loading={save.isPending} w="fit-content">
            Save booking page
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

export default function BookingSettingsPage() {
  const settings = useBookingSettings();
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/chats" size="sm">
        ← Coffee chats
      </Anchor>
      <Title order={1}>Booking page</Title>
      {settings.isPending ? <LoadingState /> : settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : <BookingForm settings={settings.data} />}
    </Stack>
  );
}
