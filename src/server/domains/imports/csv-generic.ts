import { socialProfileOf, type ContactCandidate } from './candidate';
import { clean, emptyCandidate, readDate, splitList, withName } from './csv-common';
import { AppError } from '../../platform/errors';

/** The fields a CSV column can be mapped to. */
export const mappableFields = [
  'name', 'givenName', 'familyName', 'email', 'phone', 'organization', 'title', 'location', 'birthday', 'note', 'tags', 'linkedin', 'website', 'howWeMet',
  'pronouns', 'headline', 'timezone', 'circle', 'cadenceDays', 'starred', 'ignore',
] as const;
export type MappableField = (typeof mappableFields)[number];
/** Column header -> field. */
export type ColumnMap = Record<string, MappableField>;

const guesses: [RegExp, MappableField][] = [
  [/^(full ?name|name|display ?name|contact ?name|contact)$/, 'name'],
  [/^(first ?name|given ?name|first|forename|vorname|prenom)$/, 'givenName'],
  [/^(last ?name|family ?name|surname|last|nachname|nom)$/, 'familyName'],
  [/^(e-?mail( ?address)?( ?\d)?|mail|email ?\d?|e-?mail 1 - value)$/, 'email'],
  [/^(phone( ?number)?( ?\d)?|mobile( ?phone)?|cell|telephone|tel|business phone|work phone)$/, 'phone'],
  [/^(company|organi[sz]ation( ?name)?|org|employer|firma)$/, 'organization'],
  [/^(title|job ?title|position|role)$/, 'title'],
  [/^(location|city|address|town)$/, 'location'],
  [/^(birthday|birth ?date|date of birth|dob)$/, 'birthday'],
  [/^(notes?|comments?|description)$/, 'note'],
  [/^(tags?|labels?|groups?|categories)$/, 'tags'],
  [/^(linkedin( ?url)?|linkedin profile|profile ?url|url)$/, 'linkedin'],
  [/^(website|web ?site|web ?page|homepage|blog)$/, 'website'],
  [/^(how we met|met at|source)$/, 'howWeMet'],
  [/^pronouns?$/, 'pronouns'],
  [/^(headline|tagline)$/, 'headline'],
  [/^(time ?zone|tz)$/, 'timezone'],
  [/^circle$/, 'circle'],
  [/^(cadence( ?days)?|keep in touch every( ?days)?)$/, 'cadenceDays'],
  [/^(starred|favou?rite)$/, 'starred'],
];

/** A mapping guessed from header names; columns it cannot place are left out. */
export function guessColumnMap(headers: string[]): ColumnMap {
  const map: ColumnMap = {};
  for (const h of headers) {
    const key = h.trim().toLowerCase().replace(/[_.]+/g, ' ');
    const hit = guesses.find(([re]) => re.test(key));
    if (hit) map[h] = hit[1];
  }
  return map;
}

/** Reads `--map "Full Name=name,Mail=email"`; every field must be one Rapport knows and every column one the file has. */
export function parseColumnMap(spec: string | ColumnMap, headers?: string[]): ColumnMap {
  const entries: [string, string][] =
    typeof spec === 'string'
      ? spec
          .split(/,(?=[^,=]+=)/)
          .map((pair) => pair.trim())
          .filter(Boolean)
          .map((pair) => {
            const eq = pair.lastIndexOf('=');
            if (eq <= 0) throw new AppError('validation', `map: "${pair}" is not COLUMN=FIELD`, [{ path: 'map', message: `"${pair}" is not COLUMN=FIELD` }]);
            return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
          })
      : Object.entries(spec);
  const map: ColumnMap = {};
  for (const [column, field] of entries) {
    if (!(mappableFields as readonly string[]).includes(field))
      throw new AppError('validation', `map: "${field}" is not a field; use one of ${mappableFields.join(', ')}`, [{ path: 'map', message: `"${field}" is not a field` }]);
    if (headers && !headers.some((h) => h.toLowerCase() === column.toLowerCase()))
      throw new AppError('validation', `map: the file has no column "${column}" (it has ${headers.join(', ')})`, [{ path: 'map', message: `no column "${column}"` }]);
    map[column] = field as MappableField;
  }
  return map;
}

export function mappedCandidate(headers: string[], cells: string[], map: ColumnMap): ContactCandidate {
  const c = emptyCandidate();
  const lower = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  headers.forEach((h, i) => {
    const field = lower.get(h.toLowerCase());
    const value = clean(cells[i]);
    if (!field || field === 'ignore' || value === null) return;
    switch (field) {
      case 'email':
        for (const e of value.split(/\s*(?:[;,]|:::)\s*/)) if (e && !c.emails.includes(e)) c.emails.push(e);
        break;
      case 'phone':
        for (const p of value.split(/\s*(?:;|:::)\s*/)) if (p && !c.phones.includes(p)) c.phones.push(p);
        break;
      case 'tags':
        // Separated by ; , or ::: ; a tag holding one of those is in double quotes (as Rapport's CSV export writes it).
        for (const t of splitList(value)) if (!c.tags.includes(t)) c.tags.push(t);
        break;
      case 'cadenceDays':
        if (/^\d+$/.test(value)) c.cadenceDays = Number(value);
        break;
      case 'starred':
        c.starred = /^(yes|true|1|y|x)$/i.test(value);
        break;
      case 'howWeMet':
        // Keeps its line breaks, as a note does.
        c.howWeMet ??= (cells[i] ?? '').replace(/\r\n?/g, '\n').trim();
        break;
      case 'birthday':
        c.birthday = readDate(value);
        break;
      case 'linkedin':
      case 'website': {
        const p = socialProfileOf(value, field);
        if (p) c.socialProfiles.push(field === 'linkedin' && p.type === 'website' ? { ...p, type: 'linkedin' } : p);
        break;
      }
      case 'note':
        c.note = c.note ? `${c.note}\n${value}` : value;
        break;
      default:
        c[field] ??= value;
    }
  });
  return withName(c);
}
