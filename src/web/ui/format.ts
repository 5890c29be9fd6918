import type { InteractionKind } from '../../contracts';

export const kindLabels: Record<InteractionKind, string> = {
  call: 'Call',
  video_call: 'Video call',
  coffee_chat: 'Coffee chat',
  informational_interview: 'Informational interview',
  meeting: 'Meeting',
  message: 'Message',
  email: 'Email',
  event: 'Event',
  social: 'Social',
  mentorship_session: 'Mentorship session',
  team_activity: 'Team activity',
  other: 'Other',
};

export const circleLabels: Record<string, string> = {
  inner: 'Inner circle',
  close: 'Close',
  active: 'Active',
  wider: 'Wider network',
  acquaintance: 'Acquaintance',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) without shifting it through the browser's time zone. */
export function formatDate(day: string): string {
  return dateOnly.format(new Date(`${day}T00:00:00Z`));
}

export function relativeDays(iso: string, now = Date.now()): string {
  const days = Math.round((new Date(iso).getTime() - now) / 86_400_000);
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(days, 'day');
}

/** Today as YYYY-MM-DD in a time zone (the account's, so "due" matches the server). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The time now in someone's time zone, e.g. "14:05 (Tue)", or null for an unknown zone. */
export function localTimeIn(timeZone: string, now = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return null;
  }
}

export function timeZones(): string[] {
  const withIntl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const zones = withIntl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
