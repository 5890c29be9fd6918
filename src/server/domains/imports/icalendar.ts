import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { AppError } from '../../platform/errors';
import type { ImportRow } from './candidate';

export interface CalendarWindow {
  /** ISO instants: occurrences starting in [from, to) become interactions; to is never after "now". */
  from: string;
  to: string;
}

const MAX_OCCURRENCES_PER_EVENT = 5000;

/** Line of each BEGIN:VEVENT, in file order (ical.js does not keep positions). */
function eventLines(text: string): number[] {
  const out: number[] = [];
  let line = 0;
  for (const l of text.split(/\r\n|\n|\r/)) {
    line++;
    if (/^BEGIN:VEVENT\s*$/i.test(l)) out.push(line);
  }
  return out;
}

const email = (v: unknown) => (typeof v === 'string' ? v.replace(/^mailto:/i, '').trim().toLowerCase() : '');

/**
 * Past meetings of an iCalendar file, one row per occurrence (recurring events expanded by ical.js
 * within the window). Cancelled and future events are skipped with their reason.
 */
export function* icalendarRows(text: string, window: CalendarWindow): Generator<ImportRow> {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    throw new AppError('validation', `The file cannot be read as iCalendar: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new AppError('validation', 'The file cannot be read as iCalendar: it has no VCALENDAR');
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const lines = eventLines(text);
  const vevents = root.getAllSubcomponents('vevent');
  const exceptions = new Map<string, ICAL.Event[]>();
  const masters: { event: ICAL.Event; line: number }[] = [];
  vevents.forEach((v, i) => {
    const line = lines[i] ?? 0;
    // `exceptions: []`: ical.js would otherwise relate every RECURRENCE-ID event of the calendar (any
    // UID) here, reading their values outside the guard below; they are related by UID there instead.
    const event = new ICAL.Event(v, { exceptions: [] });
    if (v.hasProperty('recurrence-id')) exceptions.set(event.uid, [...(exceptions.get(event.uid) ?? []), event]);
    else masters.push({ event, line });
  });
  const from = ICAL.Time.fromJSDate(new Date(window.from), true);
  const to = ICAL.Time.fromJSDate(new Date(window.to), true);

  for (const { event, line } of masters) {
    let rows: ImportRow[];
    try {
      for (const ex of exceptions.get(event.uid) ?? []) event.relateException(ex);
      rows = eventRows(event, line, from, to);
    } catch (error) {
      // ical.js reads a property's value when it is first used: a malformed RRULE or DTSTART throws here.
      rows = [{ line, kind: 'failed', reason: `event cannot be read: ${(error as Error).message}` }];
    }
    yield* rows;
  }
}

/** One master event's rows: its occurrences in the window (recurring ones expanded), or why it has none. */
function eventRows(event: ICAL.Event, line: number, from: ICAL.Time, to: ICAL.Time): ImportRow[] {
  const summary = (event.summary ?? '').trim() || 'Meeting';
  if (!event.startDate) {
    return [{ line, kind: 'failed', reason: 'event has no DTSTART' }];
  }
  if (String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
    return [{ line, kind: 'skipped', reason: `"${summary}" was cancelled` }];
  }
  const uid = event.uid || createHash('sha256').update(`${summary}|${event.startDate.toString()}`).digest('hex').slice(0, 32);
  const occurrences: { start: ICAL.Time; end: ICAL.Time; item: ICAL.Event; key: string }[] = [];
  if (event.isRecurring()) {
    const it = event.iterator();
    let n = 0;
    for (let next = it.next(); next && n < MAX_OCCURRENCES_PER_EVENT; next = it.next(), n++) {
      if (next.compare(to) >= 0) break;
      const details = event.getOccurrenceDetails(next);
      if (details.endDate.compare(from) <= 0) continue;
      occurrences.push({ start: details.startDate, end: details.endDate, item: details.item, key: `ics:${uid}#${next.toString()}` });
    }
    if (occurrences.length === 0) {
      return [{ line, kind: 'skipped', reason: `"${summary}" has no occurrence in the window` }];
    }
  } else {
    const start = event.startDate;
    if (start.compare(to) >= 0) {
      return [{ line, kind: 'skipped', reason: `"${summary}" is in the future` }];
    }
    if (start.compare(from) < 0) {
      return [{ line, kind: 'skipped', reason: `"${summary}" is before the window` }];
    }
    occurrences.push({ start, end: event.endDate ?? start, item: event, key: `ics:${uid}` });
  }
  return occurrences.map((o) => {
    const attendees = o.item.component.getAllProperties('attendee').map((p) => ({
      email: email(p.getFirstValue()),
      name: (p.getParameter('cn') as string | undefined)?.trim() || null,
    }));
    const organizer = o.item.component.getFirstProperty('organizer');
    if (organizer) attendees.push({ email: email(organizer.getFirstValue()), name: (organizer.getParameter('cn') as string | undefined)?.trim() || null });
    const startJs = o.start.toJSDate();
    const minutes = Math.round((o.end.toJSDate().getTime() - startJs.getTime()) / 60000);
    return {
      line,
      kind: 'event' as const,
      event: {
        key: o.key,
        summary: ((o.item.summary ?? '').trim() || summary).slice(0, 500),
        occurredAt: startJs.toISOString(),
        durationMinutes: minutes > 0 && minutes <= 1440 ? minutes : null,
        notes: (o.item.description ?? '').trim().slice(0, 20000) || null,
        attendees: attendees.filter((a, i, all) => a.email.includes('@') && all.findIndex((b) => b.email === a.email) === i),
      },
    };
  });
}
