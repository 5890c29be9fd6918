import { z } from 'zod';
import { IsoDateTime } from './common';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24 h)');

export const AvailabilityWindow = z
  .strictObject({
    weekday: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'),
    start: hhmm,
    end: hhmm,
  })
  .refine((w) => w.start < w.end, { message: 'must end after it starts', path: ['end'] });

export const BookingSettingsUpdate = z
  .strictObject({
    enabled: z.boolean().optional(),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, 'must be 3 to 40 letters, digits or dashes, starting and ending with a letter or digit')
      .optional(),
    title: z.string().trim().max(200).regex(/^[^\p{Cc}]*$/u, 'must be one line').nullable().optional(),
    timezone: z.string().trim().max(64).optional(),
    availability: z.array(AvailabilityWindow).max(35, 'at most 35 windows').optional(),
    slotMinutes: z.number().int().min(10, 'must be at least 10').max(240, 'must be at most 240').optional(),
    bufferMinutes: z.number().int().min(0).max(240, 'must be at most 240').optional(),
    minNoticeMinutes: z.number().int().min(0).max(43_200, 'must be at most 30 days').optional(),
    horizonDays: z.number().int().min(1, 'must be at least 1').max(90, 'must be at most 90').optional(),
  })
  .meta({ id: 'BookingSettingsUpdate' });

export const BookingSettings = z
  .object({
    enabled: z.boolean(),
    slug: z.string(),
    title: z.string().nullable(),
    timezone: z.string(),
    availability: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
    slotMinutes: z.number().int(),
    bufferMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    path: z.string().describe('Where visitors book: /book/{slug}'),
    saved: z.boolean().describe('False until you first save; the values are then suggestions'),
  })
  .meta({ id: 'BookingSettings' });

export const BookingSlugParams = z.strictObject({ slug: z.string().max(60) });

export const PublicBookingPage = z
  .object({
    host: z.string().describe('The display name of the person you book'),
    title: z.string().nullable(),
    timezone: z.string().describe("The host's time zone"),
    slotMinutes: z.number().int(),
    slots: z.array(z.object({ start: z.string(), end: z.string() })).describe('Open times, UTC'),
  })
  .meta({ id: 'PublicBookingPage' });

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}<>]*$/u, 'must be one line of plain text (no control characters or < >)');

export const PublicBookingRequest = z
  .strictObject({
    start: IsoDateTime.describe('One of the open times'),
    name: oneLine(100),
    email: z.string().trim().email('must be an email address').max(254),
    topic: oneLine(200),
    timezone: z.string().trim().max(64).optional().describe('Your time zone, to show the time back to you'),
  })
  .meta({ id: 'PublicBookingRequest' });

export const PublicBookingConfirmation = z
  .object({
    start: z.string(),
    end: z.string(),
    host: z.string(),
    hostTimezone: z.string(),
    topic: z.string(),
    ics: z.string().describe('The calendar invitation (text/calendar) to save'),
  })
  .meta({ id: 'PublicBookingConfirmation' });

export type AvailabilityWindowDto = z.infer<typeof AvailabilityWindow>;
export type BookingSettingsDto = z.infer<typeof BookingSettings>;
export type BookingSettingsUpdateInput = z.infer<typeof BookingSettingsUpdate>;
export type PublicBookingPageDto = z.infer<typeof PublicBookingPage>;
export type PublicBookingRequestInput = z.infer<typeof PublicBookingRequest>;
export type PublicBookingConfirmationDto = z.infer<typeof PublicBookingConfirmation>;
