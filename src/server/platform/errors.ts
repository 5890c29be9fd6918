/**
 * The one error type of Rapport. Services throw it; only the HTTP error handler and the CLI
 * translate its code into a status or an exit code.
 */
export const errorCodes = {
  validation: { status: 400, title: 'Invalid request', exitCode: 2 },
  unauthenticated: { status: 401, title: 'Authentication required', exitCode: 3 },
  forbidden: { status: 403, title: 'Forbidden', exitCode: 3 },
  not_found: { status: 404, title: 'Not found', exitCode: 4 },
  conflict: { status: 409, title: 'Conflict', exitCode: 5 },
  payload_too_large: { status: 413, title: 'Payload too large', exitCode: 2 },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', exitCode: 2 },
  rate_limited: { status: 429, title: 'Too many requests', exitCode: 6 },
  config: { status: 500, title: 'Configuration error', exitCode: 78 },
  internal: { status: 500, title: 'Internal error', exitCode: 1 },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldProblem[];

  constructor(code: ErrorCode, message: string, errors?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = errors;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

export const invalid = (path: string, message: string) =>
  new AppError('validation', `${path}: ${message}`, [{ path, message }]);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
