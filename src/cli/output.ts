import Table from 'cli-table3';
import { createColors } from 'picocolors';

/** Colours only for a person at a terminal: piped output and NO_COLOR stay plain. */
export const color = createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb');

/** Machine output: exactly one JSON value on stdout, so `| jq` always works. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Hints and warnings go to stderr so they never mix with data someone pipes. */
export function printNotice(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function printTable(head: string[], rows: (string | number | null | undefined)[][]): void {
  const table = new Table({
    head: head.map((h) => color.bold(h)),
    // cli-table3 colours headers red and borders grey on its own; we colour (or not) ourselves.
    style: { head: [], border: [], compact: false },
    wordWrap: true,
  });
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined || cell === '' ? color.dim('—') : String(cell))));
  printLine(table.toString());
}

/** A profile as aligned "label  value" lines, skipping empty values. */
export function printFields(fields: [string, string | number | null | undefined][]): void {
  const shown = fields.filter(([, v]) => v !== null && v !== undefined && v !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  for (const [key, value] of shown) printLine(`${color.dim(key.padEnd(width))}  ${value}`);
}

export function heading(text: string): void {
  printLine();
  printLine(color.bold(color.cyan(text)));
}

/** ISO instant -> "2025-03-14 09:30" in the given zone, short enough for a table. */
export function formatInstant(iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function truncate(text: string | null | undefined, max: number): string {
  if (!text) return '';
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export const humanKind = (kind: string): string => kind.replace(/_/g, ' ');
