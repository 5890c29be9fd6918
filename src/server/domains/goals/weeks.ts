import { DateTime } from 'luxon';
import { dateIn, todayIn, type Clock } from '../../platform/clock';

/**
 * Weeks start on Monday, in the user's own time zone: a week is the instants from Monday 00:00 to the
 * next Monday 00:00 there (luxon keeps DST days at 23 or 25 hours). Weeks are named by their Monday.
 */
export function weekStartOf(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).startOf('week').toISODate()!;
}

export function addWeeks(weekStart: string, weeks: number): string {
  return DateTime.fromISO(weekStart, { zone: 'UTC' }).plus({ weeks }).toISODate()!;
}

/** The Sunday that ends a week. */
export function weekEndOf(weekStart: string): string {
  return DateTime.fromISO(weekStart, { zone: 'UTC' }).plus({ days: 6 }).toISODate()!;
}

export function currentWeekStart(clock: Clock, timeZone: string): string {
  return weekStartOf(todayIn(clock, timeZone));
}

/** The Monday of the week in which an instant falls, seen in a time zone. */
export function weekOfInstant(iso: string, timeZone: string): string {
  return weekStartOf(dateIn(iso, timeZone));
}

/** The first instant (ISO, UTC) of a calendar day in a time zone. */
export function startOfDayIso(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

/** [start, end) of a week as UTC instants. */
export function weekInstants(weekStart: string, timeZone: string): { from: string; to: string } {
  return { from: startOfDayIso(weekStart, timeZone), to: startOfDayIso(addWeeks(weekStart, 1), timeZone) };
}

/** Counts per week (by Monday) of a list of week starts. */
export function countByWeek(weeks: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of weeks) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * Consecutive weeks that met the target: counted back from the last complete week, plus the current
 * week once it is met (an unfinished week never breaks a streak), and never before `firstWeek`.
 */
export function streakOf(counts: Map<string, number>, target: number, currentWeek: string, firstWeek: string): number {
  let streak = (counts.get(currentWeek) ?? 0) >= target ? 1 : 0;
  for (let week = addWeeks(currentWeek, -1); week >= firstWeek; week = addWeeks(week, -1)) {
    if ((counts.get(week) ?? 0) < target) break;
    streak++;
  }
  return streak;
}
