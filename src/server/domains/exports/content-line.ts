/**
 * Content lines as vCard (RFC 6350, RFC 2426) and iCalendar (RFC 5545) write them: escaped text,
 * parameters, and lines folded at 75 octets with CRLF. Writing is a few string rules, so it is done
 * here (30,000 cards in well under a second); reading is left to libraries (ical.js, the importer).
 */

/**
 * TEXT values: backslash, newline and comma escaped, and semicolon unless `semicolon` is false:
 * iCalendar (RFC 5545 3.3.11), vCard 3.0 (RFC 2426) and structured components always escape it;
 * vCard 4.0 (RFC 6350 3.3) allows a bare semicolon in a single text value, and readers such as
 * ical.js keep the backslash of an escaped semicolon there.
 */
export function escapeText(value: string, semicolon = true): string {
  return value.replace(semicolon ? /[\\,;\n]|\r\n?/g : /[\\,\n]|\r\n?/g, (c) => (c === '\\' ? '\\\\' : c === ',' ? '\\,' : c === ';' ? '\\;' : '\\n'));
}

/** A structured value (N, ADR, ORG): components joined by `;`, each escaped. */
export const structured = (parts: (string | null | undefined)[]): string => parts.map((p) => escapeText(p ?? '')).join(';');

/**
 * A parameter value: RFC 6868 caret encoding for what a parameter cannot hold (newline, DQUOTE),
 * quoted when it contains `:`, `;` or `,`.
 */
export function paramValue(value: string): string {
  const encoded = value.replace(/\^|\r\n?|\n|"/g, (c) => (c === '^' ? '^^' : c === '"' ? "^'" : '^n'));
  return /[:;,]/.test(encoded) ? `"${encoded}"` : encoded;
}

/**
 * Folds a line so that no physical line exceeds 75 octets (the leading space of a continuation
 * counts), never inside a UTF-8 sequence or a surrogate pair, and ends it with CRLF.
 */
export function fold(line: string): string {
  // At most 3 UTF-8 octets per UTF-16 unit: 25 units always fit.
  if (line.length <= 25 || Buffer.byteLength(line) <= 75) return `${line}\r\n`;
  let out = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out += '\r\n ';
      octets = 1;
      limit = 75;
    }
    out += ch;
    octets += size;
  }
  return `${out}\r\n`;
}

/** `NAME;P1=v1;P2=v2:value`, folded. Parameter values are encoded here; the value must already be. */
export function contentLine(name: string, value: string, params?: Record<string, string | undefined>): string {
  let head = name;
  if (params) for (const [key, v] of Object.entries(params)) if (v !== undefined) head += `;${key}=${paramValue(v)}`;
  return fold(`${head}:${value}`);
}
