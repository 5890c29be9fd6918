import { socialProfileOf, type ContactCandidate } from './candidate';
import { clean, emptyCandidate, readDate, withName, type CellsOf } from './csv-common';

/** LinkedIn's Connections.csv (data export): a "Notes:" preamble, then this header. */
export const linkedinHeader = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];

export const isLinkedinHeaderLine = (line: string): boolean => /^\uFEFF?"?First Name"?[,;\t]"?Last Name"?[,;\t]"?URL"?[,;\t]/i.test(line.trim());

export function isLinkedinHeader(headers: string[]): boolean {
  const set = new Set(headers.map((h) => h.toLowerCase()));
  return ['first name', 'last name', 'url', 'connected on'].every((h) => set.has(h));
}

export function linkedinCandidate(cell: CellsOf): ContactCandidate {
  const c = emptyCandidate();
  c.givenName = cell('First Name');
  c.familyName = cell('Last Name');
  c.organization = cell('Company');
  c.title = cell('Position');
  const email = cell('Email Address');
  if (email) c.emails.push(email);
  const url = cell('URL');
  const profile = url ? socialProfileOf(url, 'linkedin') : null;
  if (profile) c.socialProfiles.push({ ...profile, type: 'linkedin' });
  const connected = readDate(cell('Connected On'), 'dmy');
  c.howWeMet = connected ? `Connected on LinkedIn on ${connected}` : clean('Connected on LinkedIn');
  return withName(c);
}
