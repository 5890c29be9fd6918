import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { VCardExportQuery } from '../../../contracts/exports';
import { todayIn } from '../../platform/clock';

const errors = { 400: Problem, 401: Problem };
const tags = ['export and backup'];

/** A streamed download: the chunks go out as they are made, with a file name for the browser. */
export function sendDownload(reply: FastifyReply, chunks: AsyncIterable<string>, contentType: string, fileName: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(chunks));
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app.services;
  const exporter = app.services.exports;
  const stamp = (timezone: string) => todayIn(deps.clock, timezone);

  app.get(
    '/export/contacts.vcf',
    {
      schema: {
        tags,
        summary: 'Download every contact as vCard',
        description: 'All contacts (archived ones too) as one .vcf file, vCard 4.0 (RFC 6350) or, with version=3.0, vCard 3.0 (RFC 2426). Streamed.',
        querystring: VCardExportQuery,
        response: { 200: z.string().describe('text/vcard'), ...errors },
      },
    },
    async (request, reply) =>
      sendDownload(reply, exporter.vcard(request.actor, request.query.version), 'text/vcard; charset=utf-8', `rapport-contacts-${stamp(request.actor.timezone)}.vcf`),
  );
  app.get(
    '/export/contacts.csv',
    {
      schema: {
        tags,
        summary: 'Download every contact as CSV',
        description: 'One row per contact (archived ones too) with a header row; UTF-8, CRLF, RFC 4180 quoting; lists joined with "; ". Streamed.',
        response: { 200: z.string().describe('text/csv'), ...errors },
      },
    },
    async (request, reply) => sendDownload(reply, exporter.csv(request.actor), 'text/csv; charset=utf-8', `rapport-contacts-${stamp(request.actor.timezone)}.csv`),
  );
  app.get(
    '/export/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Download follow-ups and milestones as iCalendar',
        description: 'Open follow-ups on the day they show up, and milestones (birthdays, anniversaries) as all-day events, yearly ones with RRULE.',
        response: { 200: z.string().describe('text/calendar'), ...errors },
      },
    },
    async (request, reply) => sendDownload(reply, exporter.calendar(request.actor), 'text/calendar; charset=utf-8', `rapport-calendar-${stamp(request.actor.timezone)}.ics`),
  );
};
