import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ContactCreateInput, ContactDto } from '../../../contracts';
import { ApiError, fieldErrorsOf } from '../../api/client';
import { useTags } from '../../api/hooks';
import { circleLabels, timeZones } from '../../ui/format';

const socialTypes = ['linkedin', 'x', 'github', 'mastodon', 'bluesky', 'website'] as const;
const socialLabels: Record<string, string> = { linkedin: 'LinkedIn', x: 'X', github: 'GitHub', mastodon: 'Mastodon', bluesky: 'Bluesky', website: 'Website' };
const circleOptions = Object.entries(circleLabels).map(([value, label]) => ({ value, label }));

export interface ContactFormValues {
  name: string;
  organization: string;
  title: string;
  headline: string;
  pronouns: string;
  emails: string[];
  phones: string[];
  location: string;
  timezone: string | null;
  birthday: string;
  circle: string | null;
  cadenceDays: number | string;
  tags: string[];
  howWeMet: string;
  starred: boolean;
  socialProfiles: { type: string; value: string }[];
}

export function valuesOf(contact?: ContactDto): ContactFormValues {
  return {
    name: contact?.name ?? '',
    organization: contact?.organization ?? '',
    title: contact?.title ?? '',
    headline: contact?.headline ?? '',
    pronouns: contact?.pronouns ?? '',
    emails: contact?.emails ?? [],
    phones: contact?.phones ?? [],
    location: contact?.location ?? '',
    timezone: contact?.timezone ?? null,
    birthday: contact?.birthday ?? '',
    circle: contact?.circle ?? null,
    cadenceDays: contact?.cadenceDays ?? '',
    tags: contact?.tags ?? [],
    howWeMet: contact?.howWeMet ?? '',
    starred: contact?.starred ?? false,
    socialProfiles: (contact?.socialProfiles ?? []).map((p) => ({ type: p.type, value: p.url ?? p.handle ?? '' })),
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The request body: empty text clears a field (null), as PATCH expects. */
export function toInput(values: ContactFormValues): ContactCreateInput {
  return {
    name: values.name.trim(),
    organization: orNull(values.organization),
    title: orNull(values.title),
    headline: orNull(values.headline),
    pronouns: orNull(values.pronouns),
    emails: values.emails.map((e) => e.trim()).filter(Boolean),
    phones: values.phones.map((p) => p.trim()).filter(Boolean),
    location: orNull(values.location),
    timezone: values.timezone || null,
    birthday: orNull(values.birthday),
    circle: (values.circle || null) as ContactCreateInput['circle'],
    cadenceDays: values.cadenceDays === '' ? null : Number(values.cadenceDays),
    tags: values.tags,
    howWeMet: orNull(values.howWeMet),
    starred: values.starred,
    socialProfiles: values.socialProfiles
      .filter((p) => p.value.trim())
      .map((p) => {
        const value = p.value.trim();
        return /^https?:\/\//i.test(value) ? { type: p.type as (typeof socialTypes)[number], url: value } : { type: p.type as (typeof socialTypes)[number], handle: value };
      }),
  };
}

/** Checks what the browser can check; the server's answer (problem+json errors[]) fills in the rest. */
export function validate(values: ContactFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Name must not be empty';
  const badEmail = values.emails.findIndex((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.trim()));
  if (badEmail >= 0) errors.emails = `“${values.emails[badEmail]}” is not an email address`;
  if (values.birthday.trim() && !/^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$/.test(values.birthday.trim())) errors.birthday = 'Use YYYY-MM-DD, or --MM-DD when you do not know the year';
  if (values.cadenceDays !== '' && (!Number.isInteger(Number(values.cadenceDays)) || Number(values.cadenceDays) < 1)) errors.cadenceDays = 'A whole number of days, at least 1';
  return errors;
}

/** Server paths such as "emails.1" name the list; say which entry is wrong. */
function describe(errors: Record<string, string>, values: ContactFormValues, field: 'emails' | 'phones'): string | undefined {
  const entry = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  if (entry) {
    const index = Number(entry.split('.')[1]);
    return `“${values[field][index] ?? ''}” ${errors[entry]}`;
  }
  return errors[field];
}

export function ContactForm({ contact, submitLabel, onSubmit, onCancel }: { contact?: ContactDto; submitLabel: string; onSubmit: (input: ContactCreateInput) => Promise<unknown>; onCancel?: () => void }) {
  const [values, setValues] = useState(() => valuesOf(contact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tags = useTags();
  const zones = useState(() => timeZones())[0];
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = validate(values);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await onSubmit(toInput(values));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (!Object.keys(fields).length) setFailure(error instanceof Error ? error.message : String(error));
      else if (error instanceof ApiError) setFailure('Some fields need a second look.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Stack gap="sm">
          <Title order={2} size="h4">
            Who
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus autoFocus />
            <TextInput label="Pronouns" value={values.pronouns} onChange={(e) => set('pronouns', e.currentTarget.value)} error={errors.pronouns} />
            <TextInput label="Organization" value={values.organization} onChange={(e) => set('organization', e.currentTarget.value)} error={errors.organization ?? errors.organizationId} />
            <TextInput label="Role" value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} />
          </SimpleGrid>
          <TextInput label="Headline" value={values.headline} onChange={(e) => set('headline', e.currentTarget.value)} error={errors.headline} />
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Reach
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label="Emails" description="Press Enter after each" value={values.emails} onChange={(v) => set('emails', v)} error={describe(errors, values, 'emails')} splitChars={[',', ' ']} />
            <TagsInput label="Phones" description="With the country code, e.g. +44 20 7946 0958" value={values.phones} onChange={(v) => set('phones', v)} error={describe(errors, values, 'phones')} splitChars={[',']} />
            <TextInput label="Location" value={values.location} onChange={(e) => set('location', e.currentTarget.value)} error={errors.location} />
            <Select label="Time zone" searchable clearable data={zones} value={values.timezone} onChange={(v) => set('timezone', v)} error={errors.timezone} limit={50} />
          </SimpleGrid>
          <Stack gap={6}>
            {values.socialProfiles.map((profile, index) => (
              <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
                <Select
                  label={index === 0 ? 'Profile' : undefined}
                  aria-label={`Profile ${index + 1} network`}
                  data={socialTypes.map((t) => ({ value: t, label: socialLabels[t]! }))}
                  value={profile.type}
                  allowDeselect={false}
                  onChange={(v) => set('socialProfiles', values.socialProfiles.map((p, i) => (i === index ? { ...p, type: v ?? p.type } : p)))}
                  w={130}
                />
                <TextInput
                  label={index === 0 ? 'Link or handle' : undefined}
                  aria-label={`Profile ${index + 1} link or handle`}
                  style={{ flex: 1 }}
                  value={profile.value}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set('socialProfiles', values.socialProfiles.map((p, i) => (i === index ? { ...p, value } : p)));
                  }}
                  error={errors[`socialProfiles.${index}.url`] ?? errors[`socialProfiles.${index}.handle`] ?? errors[`socialProfiles.${index}`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={index === 0 ? 28 : 4}
                  aria-label={`Remove profile ${index + 1}`}
                  onClick={() => set('socialProfiles', values.socialProfiles.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set('socialProfiles', [...values.socialProfiles, { type: 'linkedin', value: '' }])} w="fit-content">
              Add a social profile
            </Button>
          </Stack>
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Relationship
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Circle" data={circleOptions} clearable value={values.circle} onChange={(v) => set('circle', v)} error={errors.circle} />
            <NumberInput label="Keep in touch every (days)" min={1} max={3650} allowDecimal={false} value={values.cadenceDays} onChange={(v) => set('cadenceDays', v)} error={errors.cadenceDays} />
            <TextInput label="Birthday" placeholder="1990-12-10 or --12-10" value={values.birthday} onChange={(e) => set('birthday', e.currentTarget.value)} error={errors.birthday} />
            <TagsInput label="Tags" data={(tags.data?.items ?? []).map((t) => t.name)} value={values.tags} onChange={(v) => set('tags', v)} error={errors.tags} />
          </SimpleGrid>
          <Textarea label="How we met" autosize minRows={2} value={values.howWeMet} onChange={(e) => set('howWeMet', e.currentTarget.value)} error={errors.howWeMet} />
          <Switch label="Starred" checked={values.starred} onChange={(e) => set('starred', e.currentTarget.checked)} />
        </Stack>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
