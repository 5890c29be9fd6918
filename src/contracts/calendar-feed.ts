import { z } from 'zod';

export const CalendarFeed = z
  .object({
    active: z.boolean(),
    prefix: z.string().nullable().describe('The start of the secret, to recognise the URL you subscribed to'),
    createdAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export const CreatedCalendarFeed = CalendarFeed.extend({
  url: z.string().describe('Shown once: subscribe to it in your calendar; anyone with it can read the feed'),
  token: z.string(),
}).meta({ id: 'CreatedCalendarFeed' });
export const CalendarFeedParams = z.strictObject({ token: z.string().max(200) });

export type CalendarFeedDto = z.infer<typeof CalendarFeed>;
export type CreatedCalendarFeedDto = z.infer<typeof CreatedCalendarFeed>;
