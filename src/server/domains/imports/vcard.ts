import iconv from 'iconv-lite';
import { clean, emptyCandidate, socialProfileOf, type ContactCandidate, type ImportRow } from './candidate';
import { lineSplitter, stringChunks } from './lines';

/**
 * A vCard 2.1 / 3.0 / 4.0 reader, written by hand because no maintained library reads 2.1's
 * quoted-printable with CHARSET (ical.js reads 3.0/4.0 only). It streams: one card in memory at a time.
 */

export interface VCardProperty {
  group: string | null;
  /** Upper-case property name, e.g. EMAIL, X-SOCIALPROFILE. */
  name: string;
  /** Upper-case parameter names; values as written (2.1's bare `TEL;WORK;VOICE` become TYPE values). */
  params: Record<string, string[]>;
  /** The decoded value (quoted-printable and charset undone), still escaped. */
  value: string;
}

export interface VCard {
  line: number;
  version: string | null;
  properties: VCardProperty[];
}

/** Properties whose data Rapport never keeps (pictures, sounds, keys). */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits at `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  if (!s.includes('"')) return s.split(sep); // the common case, without walking the characters
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Head = { group: string | null; name: string; params: Record<string, string[]> };

function readHead(head: string): Head {
  const [first = '', ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = first.lastIndexOf('.');
  const group = dot > 0 ? first.slice(0, dot) : null;
  const name = (dot > 0 ? first.slice(dot + 1) : first).trim().toUpperCase();
  const params: Record<string, string[]> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      const bare = p.trim().toUpperCase();
      if (!bare) continue;
      addParam(params, BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
    } else {
      const key = p.slice(0, eq).trim().toUpperCase();
      addParam(
        params,
        key,
        splitOutsideQuotes(p.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1')),
      );
    }
  }
  return { group, name, params };
}

function addParam(params: Record<string, string[]>, key: string, values: string[]): void {
  params[key] = [...(params[key] ?? []), ...values];
}

/**
 * Heads read so far, by their text: a file repeats a few dozen (FN, item1.EMAIL;type=INTERNET, ...) on
 * every card. Properties share a head's object (nothing changes one after it is read); the cache is
 * bounded so that a file of ever new heads does not grow it without end.
 */
const heads = new Map<string, Head>();
const MAX_HEADS = 512;
function parseHead(head: string): Head {
  let parsed = heads.get(head);
  if (!parsed) {
    // Read from a copy, and kept under it: the text is a slice of the line (and of its decoded chunk),
    // and the head's parts (a long parameter value) would be slices of it too.
    const own = detached(head);
    parsed = readHead(own);
    if (heads.size >= MAX_HEADS) heads.clear();
    heads.set(own, parsed);
  }
  return parsed;
}

const isQuotedPrintable = (params: Record<string, string[]>) => (params.ENCODING ?? []).some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE');
const isBase64 = (params: Record<string, string[]>) => (params.ENCODING ?? []).some((e) => ['B', 'BASE64'].includes(e.toUpperCase()));

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '=' && i === value.length - 1) {
      // a soft line break left at the very end
    } else {
      const code = ch.charCodeAt(0);
      if (code < 128) bytes.push(code);
      else for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  const enc = charset && iconv.encodingExists(charset) ? charset : 'utf8';
  return iconv.decode(Buffer.from(bytes), enc);
}

/** Where a logical line ends its name and parameters: the first colon outside quotes. */
function colonIndex(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

/** The same text in a string of its own (V8 keeps a slice's parent string alive). */
const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

type CardItem = { card: VCard } | { line: number; failure: string };

/** How much of a chunk is read before the cards it completed are handed on: 16 KB is some fifty cards without photos. */
const PIECE = 16 * 1024;

/**
 * Reads the cards of a file; a card that never ends or has no properties comes back as a failure.
 * The cards come together, those of each 16 KB of text (one await per piece, not per line or card),
 * rather than those of a whole chunk (stringChunks: 64 KB): hundreds of cards held at once add to the peak memory.
 */
export async function* readVCards(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CardItem> {
  const reader = cardReader();
  for await (const chunk of chunks)
    for (let i = 0; i < chunk.length; i += PIECE) for (const item of reader.push(chunk.length <= PIECE ? chunk : chunk.slice(i, i + PIECE))) yield item;
  for (const item of reader.end()) yield item;
}

/**
 * The reading itself, synchronous, chunk by chunk. The logical line being read is held in variables of
 * its own rather than an object per line: an object that V8 pretenured (lines.ts) would keep the line,
 * and the decoded chunk it is a slice of, alive until the next full collection.
 */
function cardReader(): { push(chunk: string): CardItem[]; end(): CardItem[] } {
  let ready: CardItem[] = [];
  let card: VCard | null = null;
  /** The logical line being read (null: none), with the name and parameters of its first physical line (read once). */
  let logicalText: string | null = null;
  let logicalLine = 0;
  let logicalColon = -1;
  let logicalHead: Head | null = null;
  /** Its encoding, from its head: quoted-printable or base64. */
  let logicalQp = false;
  let logicalBase64 = false;
  let dropping = false;

  /** Ends the logical line being read; what it completes (a card, or a card that never ended), if anything. */
  function finish(): CardItem | null {
    if (logicalText === null) return null;
    const text = logicalText;
    const line = logicalLine;
    // Continuation lines only add to the value, so the head read from the first line stands when that line had its colon.
    const knownHead = logicalColon > 0 ? logicalHead : null;
    const knownColon = logicalColon;
    logicalText = null;
    logicalHead = null;
    logicalQp = logicalBase64 = false;
    const colon = knownHead ? knownColon : colonIndex(text);
    if (colon < 0) return null; // not a property line: ignored, as readers of vCard do
    const head = knownHead ?? parseHead(text.slice(0, colon));
    let value = text.slice(colon + 1);
    if (head.name === 'BEGIN' && value.trim().toUpperCase() === 'VCARD') {
      const unended = card ? { line: card.line, failure: 'card has no END:VCARD before the next BEGIN:VCARD' } : null;
      card = { line, version: null, properties: [] };
      return unended;
    }
    if (head.name === 'END' && value.trim().toUpperCase() === 'VCARD') {
      const ended = card ? { card } : null;
      card = null;
      return ended;
    }
    if (!card) return null;
    if (head.name === 'VERSION') card.version = detached(value.trim());
    if (isBase64(head.params) || BINARY.has(head.name)) value = '';
    else if (isQuotedPrintable(head.params)) value = decodeQuotedPrintable(value, head.params.CHARSET?.[0]);
    // A copy: the value is otherwise a slice that keeps its whole decoded chunk (up to 64 KB) alive for as
    // long as the contact's name or email is kept (the import's match index keeps them all).
    card.properties.push({ ...head, value: detached(value) });
    return null;
  }

  function onLine(text: string, line: number): void {
    if (logicalText !== null && logicalQp && logicalText.endsWith('=')) {
      // Quoted-printable soft line break: the value goes on in the next line as it is.
      logicalText = logicalText.slice(0, -1) + text;
      return;
    }
    if (logicalText !== null && (text.startsWith(' ') || text.startsWith('\t'))) {
      // Folded line (RFC 6350 3.2); in 2.1 base64 data lines are indented too. Photo data is dropped
      // as it streams by instead of being joined into one long string first.
      if (!dropping) logicalText += text.slice(1);
      return;
    }
    if (logicalText !== null && logicalBase64 && /^[A-Za-z0-9+/=]+$/.test(text)) {
      if (!dropping) logicalText += text;
      return;
    }
    const done = finish();
    if (done) ready.push(done);
    if (text.trim() === '') return;
    const colon = colonIndex(text);
    const head = colon > 0 ? parseHead(text.slice(0, colon)) : null;
    logicalText = text;
    logicalLine = line;
    logicalColon = colon;
    logicalHead = head;
    logicalQp = head !== null && isQuotedPrintable(head.params);
    logicalBase64 = head !== null && isBase64(head.params);
    dropping = head !== null && (BINARY.has(head.name) || logicalBase64);
    if (dropping) logicalText = text.slice(0, colon + 1);
  }

  const lines = lineSplitter(onLine);
  const take = (): CardItem[] => {
    const out = ready;
    ready = [];
    return out;
  };
  return {
    push(chunk: string): CardItem[] {
      lines.push(chunk);
      return take();
    },
    end(): CardItem[] {
      lines.end();
      const done = finish();
      if (done) ready.push(done);
      if (card) ready.push({ line: (card as VCard).line, failure: 'card has no END:VCARD' });
      card = null;
      return take();
    },
  };
}

/** Undoes vCard escapes (\n \, \; \\). */
export function unescapeValue(v: string): string {
  return v.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ORG, ADR) at unescaped semicolons, or a list (CATEGORIES) at unescaped commas, then unescapes each part. */
export function structured(v: string, sep: ';' | ',' = ';'): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '\\' && i + 1 < v.length) {
      cur += ch + v[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(unescapeValue(cur));
      cur = '';
    } else cur += ch;
  }
  parts.push(unescapeValue(cur));
  return parts;
}

/** BDAY in any of its shapes: 19850415, 1985-04-15, 1985-04-15T00:00:00Z, --0415, --04-15; Apple's year 1604 means "no year". */
export function birthdayOf(raw: string): string | null {
  const v = raw.trim();
  let m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return `--${m[1]}-${m[2]}`;
  m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (!m) return null;
  return m[1] === '1604' ? `--${m[2]}-${m[3]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

const labelOf = (card: VCard, group: string | null): string | undefined =>
  group ? card.properties.find((p) => p.group === group && p.name === 'X-ABLABEL')?.value : undefined;

/**
 * How Rapport's own exports are told apart from other tools' files: their PRODID (exports/vcard.ts). Their
 * NOTE is how-we-met (as the exporter writes it); another tool's NOTE is a note.
 */
export const RAPPORT_PRODID = '-//Rapport//';

/** A property's value as text: unescaped, spaces collapsed, empty as null. */
const textOf = (p: VCardProperty): string | null => clean(unescapeValue(p.value));

/** What Rapport keeps of a card. */
export function vcardToCandidate(card: VCard): ContactCandidate {
  const c = emptyCandidate();
  const notes: string[] = [];
  let ownExport = false;
  for (const p of card.properties) {
    switch (p.name) {
      case 'FN':
        c.name ??= textOf(p);
        break;
      case 'N': {
        const [family, given] = structured(p.value);
        c.familyName ??= clean(family);
        c.givenName ??= clean(given);
        break;
      }
      case 'ORG': {
        // ORG:Company;Department;Team: the organization is the first part; units are not an organization.
        const [org] = structured(p.value);
        c.organization ??= clean(org);
        break;
      }
      case 'TITLE':
        c.title ??= textOf(p);
        break;
      case 'ROLE':
        break;
      case 'PRODID':
        if (p.value.trim().startsWith(RAPPORT_PRODID)) ownExport = true;
        break;
      case 'PRONOUNS':
      case 'X-PRONOUNS':
        c.pronouns ??= textOf(p);
        break;
      case 'TZ': {
        // A zone name (4.0 text, 3.0 VALUE=text); UTC offsets (-05:00) and URIs are not a zone Rapport keeps.
        const zone = textOf(p);
        if (zone && !/^[+-]?\d/.test(zone) && (p.params.VALUE ?? [])[0]?.toLowerCase() !== 'uri') c.timezone ??= zone;
        break;
      }
      case 'X-RAPPORT-HEADLINE':
        c.headline ??= textOf(p);
        break;
      case 'X-RAPPORT-CIRCLE':
        c.circle ??= textOf(p);
        break;
      case 'X-RAPPORT-CADENCE-DAYS': {
        const days = textOf(p);
        if (days && /^\d+$/.test(days)) c.cadenceDays ??= Number(days);
        break;
      }
      case 'X-RAPPORT-STARRED':
        if (/^(true|1|yes)$/i.test(p.value.trim())) c.starred = true;
        break;
      case 'EMAIL': {
        const email = textOf(p)?.replace(/^mailto:/i, '');
        if (email && !c.emails.includes(email)) c.emails.push(email);
        break;
      }
      case 'TEL': {
        const tel = textOf(p)?.replace(/^tel:/i, '');
        if (tel && !c.phones.includes(tel)) c.phones.push(tel);
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const hint = [...(p.params.TYPE ?? []), labelOf(card, p.group) ?? '', p.name === 'X-SOCIALPROFILE' ? 'social' : ''].join(' ');
        const raw = textOf(p) ?? p.params['X-USER']?.[0] ?? '';
        const user = p.params['X-USER']?.[0];
        let profile = socialProfileOf(raw, hint) ?? (user ? socialProfileOf(user, hint) : null);
        // X-SOCIALPROFILE;X-USER=handle:URL (as Apple, Nextcloud and Rapport write it): both the address and the handle.
        if (profile?.url && !profile.handle && user && !/[\s:/]/.test(user.replace(/^@/, '').replace(/@[^@\s/]+$/, ''))) profile = { ...profile, handle: user };
        if (profile && !c.socialProfiles.some((s) => s.type === profile.type && s.url === profile.url && s.handle === profile.handle)) c.socialProfiles.push(profile);
        break;
      }
      case 'BDAY':
        if ((p.params.VALUE ?? [])[0]?.toLowerCase() !== 'text') c.birthday ??= birthdayOf(p.value);
        break;
      case 'ADR':
        if (!c.location) {
          const [, , , locality, region, , country] = structured(p.value);
          c.location = clean([locality, region, country].map((s) => clean(s)).filter(Boolean).join(', '));
        }
        break;
      case 'NOTE': {
        const note = unescapeValue(p.value).trim();
        if (note) notes.push(note);
        break;
      }
      case 'CATEGORIES':
        for (const t of structured(p.value, ',').map((s) => clean(s))) if (t && !c.tags.includes(t)) c.tags.push(t);
        break;
    }
  }
  if (!c.name && card.properties.some((p) => p.name === 'N')) c.name = clean([c.givenName, c.familyName].filter(Boolean).join(' '));
  if (notes.length) {
    if (ownExport) c.howWeMet = notes.join('\n\n');
    else c.note = notes.join('\n\n');
  }
  return c;
}

/** The rows of a vCard file: one per card, at the line of its BEGIN:VCARD. */
export async function* vcardRows(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ImportRow> {
  for await (const item of readVCards(chunks)) {
    if ('failure' in item) yield { line: item.line, kind: 'failed', reason: item.failure };
    else yield { line: item.card.line, kind: 'contact', contact: vcardToCandidate(item.card) };
  }
}

/**
 * Reads a whole vCard text into contact candidates (what a round-trip test needs). Cards that cannot
 * be read are left out; use vcardRows for their line numbers and reasons.
 */
export async function parseVCardText(text: string): Promise<ContactCandidate[]> {
  const out: ContactCandidate[] = [];
  for await (const row of vcardRows(stringChunks(text))) if (row.kind === 'contact') out.push(row.contact);
  return out;
}
