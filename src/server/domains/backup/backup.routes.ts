import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../contracts/common';
import { RestoreResult } from '../../../contracts/exports';
import { todayIn } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { sendDownload } from '../exports/exports.routes';

const tags = ['export and backup'];

/** The largest backup POST /restore takes (the app's default body limit is 1 MiB). */
export const RESTORE_LIMIT_BYTES = 512 * 1024 * 1024;

export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { backup, deps } = app.services;

  // Only in this plugin: a body that is not JSON is a corrupt backup, said in those words.
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: RESTORE_LIMIT_BYTES }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('validation', 'The backup is corrupt: it is not valid JSON; nothing was changed', [{ path: 'body', message: 'is not valid JSON' }]), undefined);
    }
  });

  app.get(
    '/export/backup.json',
    {
      schema: {
        tags,
        summary: 'Download a backup of everything you own',
        description: '{format: "rapport-backup", version, exportedAt, account, data: {table: [rows]}}: every table of your account, restorable with POST /api/v1/restore. Streamed.',
        response: { 200: z.string().describe('application/json'), 401: Problem },
      },
    },
    async (request, reply) =>
      sendDownload(reply, backup.backup(request.actor), 'application/json; charset=utf-8', `rapport-backup-${todayIn(deps.clock, request.actor.timezone)}.json`),
  );

  app.post(
    '/restore',
    {
      bodyLimit: RESTORE_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Restore a backup into your empty account',
        description:
          'The body is a backup file from GET /api/v1/export/backup.json (application/json). 409 unless the account is empty; 400 for a corrupt backup or one from a newer Rapport. All or nothing.',
        body: z.record(z.string(), z.unknown()).describe('A Rapport backup'),
        response: { 200: RestoreResult, 400: Problem, 401: Problem, 409: Problem, 413: Problem },
      },
    },
    async (request) => backup.restore(request.actor, request.body),
  );
};
