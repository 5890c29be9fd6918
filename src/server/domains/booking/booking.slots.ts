import { DateTime } from 'luxon';
import type { AvailabilityWindowDto } from '../../../contracts/booking';

export interface SlotRules {
  timezone: string;
  availability: AvailabilityWindowDto[];
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export interface Busy {
  start: number;
  end: number;
}

const MAX_SLOTS = 500;

/**
 * The open times of a booking page: each weekly window of the host's time zone cut into slots of
 * `slotMinutes`, `bufferMinutes` apart, from `minNoticeMinutes` after now up to `horizonDays` ahead,
 * leaving out any that comes within the buffer of something already in the calendar. Times are
 * built in the host's zone (luxon), so a window stays 09:00–12:00 local across DST changes.
 */
export function openSlots(rules: SlotRules, now: Date, busy: Busy[] = []): { start: string; end: string }[] {
  const earliest = now.getTime() + rules.minNoticeMinutes * 60_000;
  const slotMs = rules.slotMinutes * 60_000;
  const bufferMs = rules.bufferMinutes * 60_000;
  const step = slotMs + bufferMs;
  const today = DateTime.fromJSDate(now, { zone: rules.timezone }).startOf('day');
  const result: { start: string; end: string }[] = [];
  for (let d = 0; d <= rules.horizonDays && result.length < MAX_SLOTS; d++) {
    const day = today.plus({ days: d });
    const windows = rules.availability.filter((w) => w.weekday === day.weekday).sort((a, b) => a.start.localeCompare(b.start));
    for (const w of windows) {
      const at = (hhmm: string) => DateTime.fromISO(`${day.toISODate()}T${hhmm}`, { zone: rules.timezone }).toMillis();
      const windowEnd = at(w.end);
      for (let t = at(w.start); t + slotMs <= windowEnd && result.length < MAX_SLOTS; t += step) {
        if (t < earliest) continue;
        if (busy.some((b) => t < b.end + bufferMs && t + slotMs > b.start - bufferMs)) continue;
        if (result.some((r) => r.start === new Date(t).toISOString())) continue; // overlapping windows
        result.push({ start: new Date(t).toISOString(), end: new Date(t + slotMs).toISOString() });
      }
    }
  }
  return result;
}
