import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { page, Problem } from '../../../contracts/common';
import { Import, ImportIdParams, ImportListQuery, ImportOptions, type ImportOptionsInput } from '../../../contracts/imports';
import { AppError } from '../../platform/errors';
import { MAX_IMPORT_BYTES } from './decode';

const errors = { 400: Problem, 401: Problem, 404: Problem, 409: Problem };
const tags = ['imports'];

/** Multipart fields (sent before the file) as import options; `map` is JSON. */
function optionsOf(fields: Record<string, unknown>): ImportOptionsInput {
  const value = (name: string): string | undefined => {
    const f = fields[name] as { value?: unknown } | { value?: unknown }[] | undefined;
    const one = Array.isArray(f) ? f[0] : f;
    return typeof one?.value === 'string' && one.value !== '' ? one.value : undefined;
  };
  let map: unknown;
  const rawMap = value('map');
  if (rawMap) {
    try {
      map = JSON.parse(rawMap);
    } catch {
      throw new AppError('validation', 'map: must be JSON, e.g. {"Full Name": "name"}', [{ path: 'map', message: 'must be JSON' }]);
    }
  }
  const parsed = ImportOptions.safeParse({
    format: value('format'),
    map,
    from: value('from'),
    to: value('to'),
    createContacts: value('createContacts') === undefined ? undefined : value('createContacts') === 'true',
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('validation', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
  return parsed.data;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { imports } = app.services;
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a file and preview its import',
        description:
          'multipart/form-data with a `file` part (up to 50 MB) and, before it, optional fields `format` (linkedin, google, outlook, csv, vcard, icalendar), `map` (JSON: CSV column -> field), `from`, `to`, `createContacts`. Nothing is imported yet: the answer is the preview (status pending). Apply it with POST /imports/{id}/apply.',
        consumes: ['multipart/form-data'],
        response: { 201: Import, ...errors, 413: Problem, 415: Problem },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data with a "file" part');
      const file = await request.file();
      if (!file) throw new AppError('validation', 'file: missing; send the file as a "file" part', [{ path: 'file', message: 'missing' }]);
      const options = optionsOf(file.fields as Record<string, unknown>);
      const result = await imports.upload(request.actor, file.file, file.filename || null, options);
      return reply.code(201).send(result);
    },
  );
  app.post(
    '/imports/:id/preview',
    { schema: { tags, summary: 'Preview an uploaded import again with other options (e.g. a column mapping)', params: ImportIdParams, body: ImportOptions, response: { 200: Import, ...errors } } },
    async (request) => imports.repreview(request.actor, request.params.id, request.body),
  );
  app.post(
    '/imports/:id/apply',
    { schema: { tags, summary: 'Apply an uploaded import (all or nothing)', description: 'Uses the options of the last preview. 409 once applied.', params: ImportIdParams, response: { 200: Import, ...errors } } },
    async (request) => imports.apply(request.actor, request.params.id),
  );
  app.post(
    '/imports/:id/undo',
    { schema: { tags, summary: 'Undo an applied import', description: 'Deletes what it created and restores the contacts it merged into. 409 when not applied.', params: ImportIdParams, response: { 200: Import, ...errors } } },
    async (request) => imports.undo(request.actor, request.params.id),
  );
  app.get(
    '/imports',
    { schema: { tags, summary: 'Import history, newest first', querystring: ImportListQuery, response: { 200: page(Import), ...errors } } },
    async (request) => imports.list(request.actor, request.query),
  );
  app.get('/imports/:id', { schema: { tags, summary: 'An import with its counts and problems', params: ImportIdParams, response: { 200: Import, ...errors } } }, async (request) =>
    imports.get(request.actor, request.params.id),
  );
};
