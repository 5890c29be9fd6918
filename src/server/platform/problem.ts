import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type FieldProblem } from './errors';

/** Turns any error into application/problem+json; the only place that maps codes to statuses. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const problems: FieldProblem[] = error.validation.flatMap((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (v.params as { keys?: string[] }).keys;
      if (v.keyword === 'unrecognized_keys' && keys)
        return keys.map((key) => ({ path: [path, key].filter(Boolean).join('.'), message: 'is not a known field' }));
      return [{ path: path || where, message: v.message ?? 'is invalid' }];
    });
    return new AppError('validation', `Invalid ${where}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation', 'The request body is not valid JSON', [{ path: 'body', message: 'is not valid JSON' }]);
  }
  if (fastifyError.statusCode === 429) return new AppError('rate_limited', 'Too many requests; wait a minute and try again');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)
    return new AppError('validation', fastifyError.message);
  return new AppError('internal', 'Something went wrong on the server; the error has been logged');
}

export function sendProblem(reply: FastifyReply, error: AppError, request?: FastifyRequest) {
  const { status, title } = errorCodes[error.code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `about:blank`,
      title,
      status,
      detail: error.message,
      code: error.code,
      ...(error.errors && { errors: error.errors }),
      ...(request && { instance: request.url.split('?')[0], requestId: request.id }),
    });
}
