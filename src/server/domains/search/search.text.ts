/** Text handling shared by indexing and querying, so both see the same words. */

export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The text PostgreSQL's tsvector is built from: our own words joined by spaces, so that its parser
 * does not keep emails or hosts as single tokens ("john@smith.dev" must be found by "smith").
 */
export function tsvectorText(text: string): string {
  return words(text).join(' ');
}

/** Distinct words worth remembering in the vocabulary (used to correct typos in queries). */
export function vocabulary(text: string): string[] {
  const terms = new Set<string>();
  addVocabulary(text, terms);
  return [...terms];
}

const nonAscii = /[^\x00-\x7f]/;

/**
 * Adds the vocabulary words of `text` to `into` (in order of first occurrence), except those in `skip`.
 * ASCII text is scanned directly: NFKD leaves it as it is, it has no combining marks, and its letters and
 * digits are A-Z, a-z and 0-9, so the words are the runs of [a-z0-9] of its lower case, as words() would
 * find them (without words()'s normalized copy, Unicode regular expression and array; an import indexes
 * tens of thousands of documents). Other text goes through words().
 */
export function addVocabulary(text: string, into: Set<string>, skip?: ReadonlySet<string>): void {
  if (nonAscii.test(text)) {
    for (const w of words(text)) if (w.length >= 3 && w.length <= 40 && !skip?.has(w)) into.add(w);
    return;
  }
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 3 && i - start <= 40) {
        const w = lower.slice(start, i);
        if (!skip?.has(w)) into.add(w);
      }
      start = -1;
    }
  }
}

/**
 * Damerau-Levenshtein distance (optimal string alignment), stopping early past `max`. Called for
 * thousands of vocabulary words per query word, so it works in three reused rows, without allocating.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0]!.length) rows = [0, 1, 2].map(() => new Int32Array(2 * (b.length + 1)));
  let [prev2, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, prev2[j - 2]! + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still match. */
export const allowedTypos = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/** A short excerpt of `body` around the first query word it contains. */
export function snippetOf(body: string, queryWords: string[], width = 120): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const lower = normalize(flat);
  const at = queryWords.map((w) => lower.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const text = flat.slice(start, start + width);
  return `${start > 0 ? '…' : ''}${text}${start + width < flat.length ? '…' : ''}`;
}
