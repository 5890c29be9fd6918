import { clean, emptyCandidate, type ContactCandidate } from './candidate';

/** Cells by header name (case-insensitive; the first column of a repeated name wins). */
export type CellsOf = ((header: string) => string | null) & { multiline(header: string): string | null };

/** Column positions by lower-case header, worked out once per header row (not again for every record). */
const headerIndexes = new WeakMap<string[], Map<string, number>>();
function headerIndex(headers: string[]): Map<string, number> {
  let index = headerIndexes.get(headers);
  if (!index) {
    index = new Map<string, number>();
    for (const [i, h] of headers.entries()) {
      const key = h.trim().toLowerCase();
      if (!index.has(key)) index.set(key, i);
    }
    headerIndexes.set(headers, index);
  }
  return index;
}

/**
 * One accessor for every record of a file: `of(cells)` points it at a record and returns it. The
 * candidate is built from one record before the next is read, so the accessor is made once per header
 * row instead of (with its closures) once per record.
 */
export function cellReader(headers: string[]): { of(cells: string[]): CellsOf } {
  const index = headerIndex(headers);
  let current: string[] = [];
  const cell = ((header: string) => {
    const i = index.get(header.toLowerCase());
    return i === undefined ? null : clean(current[i]);
  }) as CellsOf;
  /** Keeps the line breaks of a cell (notes). */
  cell.multiline = (header: string) => {
    const i = index.get(header.toLowerCase());
    const v = i === undefined ? '' : (current[i] ?? '').replace(/\r\n?/g, '\n').trim();
    return v || null;
  };
  return {
    of(cells) {
      current = cells;
      return cell;
    },
  };
}

/** Cells of one record by header name (a new accessor; cellReader serves a whole file). */
export function cellsOf(headers: string[], cells: string[]): CellsOf {
  return cellReader(headers).of(cells);
}

const months: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

function real(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date as CSV exports write it: 2023-10-20, --04-15, 20 Oct 2023, Oct 20, 2023, 4/15/1985 (month
 * first, as Outlook writes), 15.04.1985. Returns YYYY-MM-DD (or --MM-DD), null when unreadable or "0/0/00".
 */
export function readDate(raw: string | null, order: 'mdy' | 'dmy' = 'mdy'): string | null {
  if (!raw) return null;
  const v = raw.trim();
  let m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return real(2000, +m[1]!, +m[2]!) ? `--${m[1]}-${m[2]}` : null;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return real(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(v);
  if (m) {
    const mo = months[m[2]!.toLowerCase()];
    return mo && real(+m[3]!, mo, +m[1]!) ? `${m[3]}-${pad(mo)}-${pad(+m[1]!)}` : null;
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m) {
    const mo = months[m[1]!.toLowerCase()];
    return mo && real(+m[3]!, mo, +m[2]!) ? `${m[3]}-${pad(mo)}-${pad(+m[2]!)}` : null;
  }
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(v);
  if (m) {
    const dmy = m[2] === '.' || order === 'dmy';
    const [d, mo] = dmy ? [+m[1]!, +m[3]!] : [+m[3]!, +m[1]!];
    if (m[4]!.length === 2) return null; // a two-digit year (Outlook's 0/0/00 for "none") is not a birthday
    const y = +m[4]!;
    return real(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/** Google's multi-values: "a@x.com ::: b@y.com". */
export const multi = (v: string | null): string[] =>
  v ? v.split(/\s*:::\s*/).map((s) => s.trim()).filter(Boolean) : [];

/**
 * A list in one cell: items separated by `;`, `,` or `:::`; an item that holds a separator or a quote is
 * written in double quotes with its quotes doubled (`math; "a,b"; "say ""hi"""`), as Rapport's CSV export
 * writes its tags (exports/csv.ts, joinList).
 */
export function splitList(cell: string): string[] {
  const out: string[] = [];
  const n = cell.length;
  const atSeparator = (i: number) => cell[i] === ';' || cell[i] === ',' || cell.startsWith(':::', i);
  let i = 0;
  for (;;) {
    while (i < n && /\s/.test(cell[i]!)) i++;
    let item = '';
    if (cell[i] === '"') {
      i++;
      while (i < n) {
        if (cell[i] === '"') {
          if (cell[i + 1] === '"') {
            item += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        item += cell[i++];
      }
    }
    // Unquoted text (or anything after a closing quote) up to the separator.
    while (i < n && !atSeparator(i)) item += cell[i++];
    const t = item.trim();
    if (t) out.push(t);
    if (i >= n) break;
    i += cell.startsWith(':::', i) ? 3 : 1;
  }
  return out;
}

/** The name of a candidate from its parts when the file gives none whole. */
export function withName(c: ContactCandidate): ContactCandidate {
  c.name ??= clean([c.givenName, c.familyName].filter(Boolean).join(' '));
  return c;
}

export { clean, emptyCandidate };
