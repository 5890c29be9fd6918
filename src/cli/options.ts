import { InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
import { AppError } from '../server/platform/errors';

/** For options that may be repeated: `--email a@x --email b@y`. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Whole-number option values, checked by commander so the message names the option. */
export function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

const units = { minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', month: 'months' } as const;

/**
 * When something happened: an ISO date-time (with or without offset), a date (noon that day, so the
 * calendar date survives any time zone), "now", "today", "yesterday" or "N units ago".
 * Times without an offset are read in the acting user's time zone.
 */
export function parseWhen(text: string, timeZone: string, now: Date = new Date()): string {
  const input = text.trim().toLowerCase();
  const base = DateTime.fromJSDate(now, { zone: timeZone });
  let result: DateTime | undefined;
  if (input === 'now' || input === 'today') result = base;
  else if (input === 'yesterday') result = base.minus({ days: 1 });
  else {
    const ago = /^(\d+)\s*(minute|hour|day|week|month)s?\s+ago$/.exec(input);
    if (ago) result = base.minus({ [units[ago[2] as keyof typeof units]]: Number(ago[1]) });
    else if (/^\d{4}-\d{2}-\d{2}$/.test(input)) result = DateTime.fromISO(input, { zone: timeZone }).set({ hour: 12 });
    else result = DateTime.fromISO(text.trim(), { zone: timeZone, setZone: false });
  }
  if (!result?.isValid)
    throw new AppError('validation', `--at must be a date-time such as 2025-03-14T09:30, a date such as 2025-03-14, "yesterday" or "3 days ago"`, [
      { path: 'occurredAt', message: 'is not a date-time' },
    ]);
  return result.toUTC().toISO()!;
}

/** A calendar day: YYYY-MM-DD, or "today", "tomorrow", "in N days|weeks" in the user's time zone. */
export function parseDay(text: string, option: string, timeZone: string, now: Date = new Date()): string {
  const input = text.trim().toLowerCase();
  const base = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const relative = /^in\s+(\d+)\s*(day|week|month)s?$/.exec(input);
  if (input === 'today') return base.toISODate()!;
  if (input === 'tomorrow') return base.plus({ days: 1 }).toISODate()!;
  if (relative) return base.plus({ [units[relative[2] as keyof typeof units]]: Number(relative[1]) }).toISODate()!;
  // Exact dates go on to the contract, which also rejects impossible ones like 2025-02-30.
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return input;
  throw new AppError('validation', `${option} must be a date as YYYY-MM-DD (or "today", "tomorrow", "in 3 days")`);
}
