import { AppError } from './errors';

/**
 * Opaque keyset cursors: base64url of the last row's sort key and id. Keyset (not offset) paging
 * keeps pages stable while rows are added and costs the same on page 1 and page 600.
 */
export type CursorValue = (string | number | null)[];

export function encodeCursor(values: CursorValue): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): CursorValue | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || ['string', 'number'].includes(typeof v)))
      return values;
  } catch {
    // fall through to the one error below
  }
  throw new AppError('validation', 'cursor: is not a cursor this list returned', [{ path: 'cursor', message: 'is not a cursor this list returned' }]);
}

/** Splits a page fetched with limit + 1 rows into the page and the cursor of its last row. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorValue): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
