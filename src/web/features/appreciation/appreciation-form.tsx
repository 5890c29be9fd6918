import { useRef, useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formErrorsOf } from '../../api/client';
import { useMe } from '../../api/hooks';
import { todayIn } from '../../ui/format';
import { ContactPicker } from '../interactions/quick-log';
import { useCreateAppreciation, type AppreciationPath } from './hooks';

/**
 * Records kudos or a favor, given or received. With `contact` the person is fixed (the contact page);
 * otherwise a server-searched picker chooses them.
 */
export function AppreciationForm({ contact, onDone }: { contact?: { id: string; name: string }; onDone?: () => void }) {
  const me = useMe();
  const create = useCreateAppreciation();
  const known = useRef(new Map<string, string>());
  const [contactIds, setContactIds] = useState<string[]>(contact ? [contact.id] : []);
  const [path, setPath] = useState<AppreciationPath>('kudos');
  const [direction, setDirection] = useState<'given' | 'received'>('given');
  const [text, setText] = useState('');
  const [occurredOn, setOccurredOn] = useState(() => todayIn(me.data?.timezone ?? 'UTC'));
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!contactIds.length) problems.contactId = 'Choose a contact';
    if (!text.trim()) problems.text = path === 'kudos' ? 'Say what you appreciated' : 'Say what the favor was';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(occurredOn)) problems.occurredOn = 'Pick a date';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const contactId = contactIds[0]!;
    create.mutate(
      { path, contactId, direction, text: text.trim(), occurredOn },
      {
        onSuccess: () => {
          const who = contact?.name ?? known.current.get(contactId) ?? 'the contact';
          notifications.show({ message: `${path === 'kudos' ? 'Kudos' : 'Favor'} ${direction} ${direction === 'given' ? 'to' : 'from'} ${who} recorded` });
          setText('');
          if (!contact) setContactIds([]);
          onDone?.();
        },
        onError: (error) => {
          setErrors(formErrorsOf(error));
        },
      },
    );
  }

  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label="Record appreciation">
        <Stack gap="xs">
          {errors._ && (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            <SegmentedControl
              aria-label="Kind"
              value={path}
              onChange={(v) => setPath(v as AppreciationPath)}
              data={[
                { value: 'kudos', label: 'Kudos' },
                { value: 'favors', label: 'Favor' },
              ]}
            />
            <SegmentedControl
              aria-label="Direction"
              value={direction}
              onChange={(v) => setDirection(v as 'given' | 'received')}
              data={[
                { value: 'given', label: 'I gave' },
                { value: 'received', label: 'I received' },
              ]}
            />
          </Group>
          <Group align="flex-start" wrap="wrap" gap="xs">
            {!contact && (
              <div style={{ flex: '1 1 220px' }}>
                <ContactPicker label="Contact" value={contactIds} onChange={setContactIds} known={known.current} maxValues={1} error={errors.contactId} />
              </div>
            )}
            <TextInput label="Date" type="date" required value={occurredOn} onChange={(e) => setOccurredOn(e.currentTarget.value)} error={errors.occurredOn} w={170} />
          </Group>
          <Group align="flex-start" wrap="wrap" gap="xs">
            <TextInput
              label={path === 'kudos' ? 'What you appreciated' : 'What the favor was'}
              required
              placeholder={path === 'kudos' ? 'Great talk on async work' : 'Introduced me to the compiler team'}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              style={{ flex: '1 1 260px' }}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
