import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BookingSettings, BookingSettingsUpdate, BookingSlugParams, PublicBookingConfirmation, PublicBookingPage, PublicBookingRequest } from '../../../contracts/booking';
import { Problem } from '../../../contracts/common';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['booking'];

/** Your own booking page settings (under /api/v1, signed in). */
export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { booking } = app.services;
  app.get(
    '/booking-page',
    { schema: { tags, summary: 'Your booking page settings', description: 'Off until you enable it; before the first save the values are suggestions (`saved: false`).', response: { 200: BookingSettings, ...errors } } },
    async (request) => booking.settings(request.actor),
  );
  app.patch(
    '/booking-page',
    {
      schema: {
        tags,
        summary: 'Change your booking page',
        description: 'Weekly `availability` windows in your `timezone` ({weekday: 1-7, start: "HH:MM", end: "HH:MM"}), `slotMinutes`, `bufferMinutes`, `minNoticeMinutes`, `horizonDays`, the `slug` of /book/{slug} (409 when taken) and `enabled`.',
        body: BookingSettingsUpdate,
        response: { 200: BookingSettings, 409: Problem, ...errors },
      },
    },
    async (request) => booking.updateSettings(request.actor, request.body),
  );
};

// Per client address and page: enough for a person, not for a script.
const limit = (max: number) => ({
  rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: { ip: string; params: unknown }) => `${request.ip}|${String((request.params as { slug?: string }).slug ?? '').toLowerCase()}` },
});
const publicRoute = { security: [] as never[] };
const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 429: Problem };

/** The one public surface: the booking page of a user who enabled it (no sign-in). */
export const publicBookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { booking } = app.services;
  app.get(
    '/api/public/book/:slug',
    {
      config: limit(60),
      schema: { tags, ...publicRoute, summary: 'A booking page: the open times', description: 'Only the host’s first name, the page title, time zone and open times (UTC). 404 when the page is off or unknown.', params: BookingSlugParams, response: { 200: PublicBookingPage, ...publicErrors } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return booking.publicPage(request.params.slug);
    },
  );
  app.post(
    '/api/public/book/:slug',
    {
      config: limit(10),
      schema: {
        tags,
        ...publicRoute,
        summary: 'Book an open time',
        description: '`start` must be one of the open times. 409 when someone else just took it. Answers the calendar invitation (`ics`) for the visitor. Rate limited per client address.',
        params: BookingSlugParams,
        body: PublicBookingRequest,
        response: { 201: PublicBookingConfirmation, ...publicErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await booking.book(request.params.slug, request.body)),
  );
};
