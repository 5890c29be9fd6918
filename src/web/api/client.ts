/** A failed API call: the problem+json body the server sent (or a network failure). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(status: number, code: string, message: string, fieldErrors: { path: string; message: string }[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let onUnauthenticated: (() => void) | undefined;
/** Called when a /api/v1 call answers 401 (the session ended): the app drops its cached account. */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/** fetch() for the Rapport API: JSON in and out, the session cookie, problem+json turned into ApiError. */
export async function api<T>(path: string, options: { method?: string; body?: unknown; query?: Record<string, QueryValue>; signal?: AbortSignal } = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Cannot reach the Rapport server. Check that it is running.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (data ?? {}) as { detail?: string; title?: string; code?: string; errors?: { path: string; message: string }[] };
    if (response.status === 401 && path.startsWith('/api/v1')) onUnauthenticated?.();
    throw new ApiError(response.status, problem.code ?? 'internal', problem.detail ?? problem.title ?? `Request failed (${response.status})`, problem.errors ?? []);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a form shows after a failed request: its field errors, else the message under `fallbackKey` ("_" is the form's own alert). */
export function formErrorsOf(error: unknown, fallbackKey = '_'): Record<string, string> {
  const fields = fieldErrorsOf(error);
  return Object.keys(fields).length ? fields : { [fallbackKey]: (error as Error).message };
}

/** Field errors of a validation problem keyed by the top-level field ("emails.1" -> "emails"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const key = path.split('.')[0] || '_';
    result[key] ??= message;
    // Keep the most specific path too ("socialProfiles.0.url"), for rows of a list.
    result[path] ??= message;
  }
  return result;
}
