import { DateTime } from 'luxon';

/** A clock that tests can freeze; everything that asks "now" goes through one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export const nowIso = (clock: Clock): string => clock.now().toISOString();

/** Today's calendar date (YYYY-MM-DD) in the given IANA time zone. */
export function todayIn(clock: Clock, timeZone: string): string {
  return DateTime.fromJSDate(clock.now(), { zone: timeZone }).toISODate()!;
}

/** The calendar date (YYYY-MM-DD) of an instant, as seen in a time zone. */
export function dateIn(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
