import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Center, Chip, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarCheck, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { PublicBookingConfirmationDto, PublicBookingPageDto, PublicBookingRequestInput } from '../../../contracts';
import { api, ApiError, formErrorsOf } from '../../api/client';
import { LoadingState } from '../../ui/states';

const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const dayKey = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const dayLabel = (iso: string, timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(iso));
const timeIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Offers the invitation as a file the visitor saves (their calendar imports it). */
function downloadIcs(ics: string) {
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'coffee-chat.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={640}>
        {children}
      </Paper>
    </Center>
  );
}

/** The public booking page: it talks only to /api/public and shows only what that answers. */
export default function BookPage() {
  const { slug = '' } = useParams();
  const zone = visitorZone();
  const page = useQuery({
    queryKey: ['public-booking', slug],
    queryFn: () => api<PublicBookingPageDto>(`/api/public/book/${encodeURIComponent(slug)}`),
    retry: false,
  });
  const [start, setStart] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const book = useMutation({
    mutationFn: (input: PublicBookingRequestInput) => api<PublicBookingConfirmationDto>(`/api/public/book/${encodeURIComponent(slug)}`, { method: 'POST', body: input }),
  });
  const days = useMemo(() => {
    const groups = new Map<string, { label: string; slots: { start: string; end: string }[] }>();
    for (const s of page.data?.slots ?? []) {
      const key = dayKey(s.start, zone);
      if (!groups.has(key)) groups.set(key, { label: dayLabel(s.start, zone), slots: [] });
      groups.get(key)!.slots.push(s);
    }
    return [...groups.values()];
  }, [page.data, zone]);

  if (page.isPending) return <LoadingState label="Opening the booking page…" />;
  if (page.isError)
    return (
      <Frame>
        <Title order={1} size="h3">
          {page.error instanceof ApiError && page.error.status === 404 ? 'No booking page here' : 'This page cannot be shown right now'}
        </Title>
        <Text c="dimmed">{page.error instanceof ApiError && page.error.status === 404 ? 'The link may be mistyped, or the page has been switched off.' : page.error.message}</Text>
      </Frame>
    );
  const host = page.data;

  if (book.data) {
    const done = book.data;
    return (
      <Frame>
        <Stack align="center" ta="center">
          <IconCalendarCheck size={40} />
          <Title order={1} size="h3">
            You are booked with {done.host}
          </Title>
          <Text>
            {dayLabel(done.start, zone)}, {timeIn(done.start, zone)}–{timeIn(done.end, zone)} your time ({zone})
          </Text>
          <Text size="sm" c="dimmed">
            {timeIn(done.start, done.hostTimezone)} for {done.host} ({done.hostTimezone}) · {done.topic}
          </Text>
          <Button leftSection={<IconDownload size={16} />} onClick={() => downloadIcs(done.ics)}>
            Add to your calendar (.ics)
          </Button>
        </Stack>
      </Frame>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!start) problems.start = 'Pick a time';
    if (!name.trim()) problems.name = 'Your name';
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = 'An email address for the invitation';
    if (!topic.trim()) problems.topic = 'What would you like to talk about?';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    book.mutate(
      { start: start!, name: name.trim(), email: email.trim(), topic: topic.trim(), timezone: zone },
      {
        onError: (error) => {
          setErrors(formErrorsOf(error));
          if (error instanceof ApiError && error.status === 409) {
            setStart(null);
            void page.refetch();
          }
        },
      },
    );
  }

  return (
    <Frame>
      <form onSubmit={submit} noValidate aria-label="Book a time">
        <Stack>
          <div>
            <Title order={1} size="h2">
              {host.title ?? `A coffee chat with ${host.host}`}
            </Title>
            <Text c="dimmed" size="sm">
              {host.slotMinutes} minutes · times shown in your time zone, {zone}; {host.host} is in {host.timezone}
            </Text>
          </div>
          {errors._ && (
            <Alert color="red" role="alert">
              {errors._}
            </Alert>
          )}
          {days.length === 0 ? (
            <Text>No open times right now; please check back later.</Text>
          ) : (
            <Stack gap="sm" role="radiogroup" aria-label="Open times">
              {days.map((d) => (
                <div key={d.label}>
                  <Text fw={600} size="sm" mb={4}>
                    {d.label}
                  </Text>
                  <Group gap={6}>
                    {d.slots.map((s) => (
                      <Chip key={s.start} checked={start === s.start} onChange={() => setStart(s.start)} title={`${timeIn(s.start, host.timezone)} for ${host.host} (${host.timezone})`}>
                        {timeIn(s.start, zone)}
                      </Chip>
                    ))}
                  </Group>
                </div>
              ))}
            </Stack>
          )}
          {errors.start && (
            <Text c="red" size="sm">
              {errors.start}
            </Text>
          )}
          {start && (
            <Text size="sm">
              {dayLabel(start, zone)} at {timeIn(start, zone)} your time · {timeIn(start, host.timezone)} for {host.host} ({host.timezone})
            </Text>
          )}
          <TextInput label="Your name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={100} />
          <TextInput label="Your email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} maxLength={254} />
          <TextInput label="What would you like to talk about?" required value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} maxLength={200} />
          <Button type="submit" loading={book.isPending} disabled={days.length === 0}>
            Book this time
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
