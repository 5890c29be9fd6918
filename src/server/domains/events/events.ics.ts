import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { EventCreateInput, EventRole } from '../../../contracts/events';
import { isValidTimeZone } from '../../platform/clock';
import { AppError } from '../../platform/errors';

const firstUrl = (text: string | null | undefined) => (text ? (/https?:\/\/[^\s<>"']+/.exec(text)?.[0] ?? null) : null);
const clip = (text: string | null | undefined, max: number) => (text ? text.trim().slice(0, max) || null : null);

/**
 * An event from the first VEVENT of an .ics invitation (ical.js reads it). Dates are the calendar
 * days in the event's own time zone (its TZID); a UTC or floating time is read in yours.
 */
export function eventFromIcs(text: string, you: { email: string; timezone: string }, role?: EventRole): EventCreateInput {
  try {
    return readInvitation(text, you, role);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // ical.js reads a value when it is first used: a malformed DTSTART or RECURRENCE-ID throws there.
    throw new AppError('validation', `ics: the event cannot be read (${(error as Error).message})`, [{ path: 'ics', message: 'has an event that cannot be read' }]);
  }
}

function readInvitation(text: string, you: { email: string; timezone: string }, role?: EventRole): EventCreateInput {
  let vevent: ICAL.Component | null;
  try {
    vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  } catch (error) {
    throw new AppError('validation', `ics: not a readable iCalendar file (${(error as Error).message})`, [{ path: 'ics', message: 'is not a readable iCalendar file' }]);
  }
  if (!vevent) throw new AppError('validation', 'ics: the file has no event (VEVENT)', [{ path: 'ics', message: 'has no VEVENT' }]);
  // Only this event: ical.js would otherwise read every moved occurrence (RECURRENCE-ID) in the file.
  const event = new ICAL.Event(vevent, { exceptions: [] });
  if (!event.startDate) throw new AppError('validation', 'ics: the event has no start (DTSTART)', [{ path: 'ics', message: 'has no DTSTART' }]);

  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  const zone = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : you.timezone;
  const dayOf = (time: ICAL.Time, exclusiveEnd = false): string => {
    if (time.isDate) {
      const day = DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: 'UTC' });
      return (exclusiveEnd ? day.minus({ days: 1 }) : day).toISODate()!;
    }
    if (time.zone === ICAL.Timezone.utcTimezone) return DateTime.fromJSDate(time.toJSDate()).setZone(zone).toISODate()!;
    return DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: 'UTC' }).toISODate()!;
  };
  const startsOn = dayOf(event.startDate);
  const endsOn = event.endDate ? dayOf(event.endDate, true) : startsOn;

  const organizerProp = vevent.getFirstProperty('organizer');
  const organizerValue = organizerProp?.getFirstValue();
  const organizerEmail = typeof organizerValue === 'string' ? organizerValue.replace(/^mailto:/i, '').toLowerCase() : null;
  const organizerName = organizerProp?.getParameter('cn');
  const description = event.description;
  const url = vevent.getFirstPropertyValue('url');

  return {
    name: clip(event.summary, 200) ?? 'Untitled event',
    link: (typeof url === 'string' && /^https?:\/\//.test(url) ? url : null) ?? firstUrl(event.location) ?? firstUrl(description),
    organizer: clip(typeof organizerName === 'string' ? organizerName : organizerEmail, 200),
    startsOn,
    endsOn: endsOn < startsOn ? startsOn : endsOn,
    timezone: zone,
    role: role ?? (organizerEmail && organizerEmail === you.email.toLowerCase() ? 'organizer' : 'attendee'),
    notes: clip(description, 5000),
  };
}
