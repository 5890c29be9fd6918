import { socialProfileOf, type ContactCandidate } from './candidate';
import { clean, emptyCandidate, readDate, withName, type CellsOf } from './csv-common';

/** Outlook's CSV export: "E-mail Address", "E-mail 2 Address", "Business Phone", "Job Title"… */
export function isOutlookHeader(headers: string[]): boolean {
  const set = new Set(headers.map((h) => h.toLowerCase()));
  return set.has('e-mail address') && (set.has('job title') || set.has('business phone') || set.has('mobile phone'));
}

const phoneColumns = ['Mobile Phone', 'Business Phone', 'Business Phone 2', 'Home Phone', 'Home Phone 2', 'Primary Phone', 'Other Phone', 'Car Phone'];

export function outlookCandidate(cell: CellsOf): ContactCandidate {
  const c = emptyCandidate();
  c.givenName = cell('First Name');
  c.familyName = cell('Last Name');
  c.organization = cell('Company');
  // Outlook's "Title" is the honorific (Mr., Dr.); the role is "Job Title".
  c.title = cell('Job Title');
  for (const col of ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address']) {
    const v = cell(col);
    if (v && !c.emails.includes(v)) c.emails.push(v);
  }
  for (const col of phoneColumns) {
    const v = cell(col);
    if (v && !c.phones.includes(v)) c.phones.push(v);
  }
  for (const col of ['Web Page', 'Personal Web Page']) {
    const p = cell(col) && socialProfileOf(cell(col)!);
    if (p) c.socialProfiles.push(p);
  }
  c.birthday = readDate(cell('Birthday'), 'mdy');
  c.location = clean([cell('Business City') ?? cell('Home City'), cell('Business Country/Region') ?? cell('Home Country/Region')].filter(Boolean).join(', ')) ?? cell('Location');
  c.note = cell.multiline('Notes');
  c.tags = (cell('Categories') ?? '').split(';').map((t) => t.trim()).filter(Boolean);
  return withName(c);
}
