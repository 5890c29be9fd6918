import { socialProfileOf, type ContactCandidate } from './candidate';
import { emptyCandidate, multi, readDate, withName, type CellsOf } from './csv-common';

/**
 * Google Contacts CSV, both shapes: the current one (First Name, Organization Name, Labels,
 * "E-mail 1 - Label"/"- Value") and the older Google CSV (Name, Given Name, Family Name,
 * Group Membership, "E-mail 1 - Type"/"- Value", "Organization 1 - Name"). Multi-values: " ::: ".
 */
export function isGoogleHeader(headers: string[]): boolean {
  const set = new Set(headers.map((h) => h.toLowerCase()));
  return set.has('e-mail 1 - value') && (set.has('e-mail 1 - label') || set.has('e-mail 1 - type') || set.has('given name') || set.has('labels'));
}

const numbered = (cell: CellsOf, prefix: string, suffix: string): string[] => {
  const out: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const v = cell(`${prefix} ${i} - ${suffix}`);
    if (v === null && i > 3) break;
    out.push(...multi(v));
  }
  return out;
};

export function googleCandidate(cell: CellsOf): ContactCandidate {
  const c = emptyCandidate();
  c.givenName = cell('First Name') ?? cell('Given Name');
  c.familyName = cell('Last Name') ?? cell('Family Name');
  c.name = cell('Name');
  c.organization = cell('Organization Name') ?? cell('Organization 1 - Name');
  c.title = cell('Organization Title') ?? cell('Organization 1 - Title');
  c.birthday = readDate(cell('Birthday'));
  c.location = cell('Location') ?? cell('Address 1 - City') ?? cell('Address 1 - Formatted');
  c.note = cell.multiline('Notes');
  c.emails = numbered(cell, 'E-mail', 'Value');
  c.phones = numbered(cell, 'Phone', 'Value');
  const websites = numbered(cell, 'Website', 'Value');
  const labels = numbered(cell, 'Website', 'Label').concat(numbered(cell, 'Website', 'Type'));
  websites.forEach((w, i) => {
    const p = socialProfileOf(w, labels[i]);
    if (p) c.socialProfiles.push(p);
  });
  c.tags = multi(cell('Labels') ?? cell('Group Membership'))
    .map((t) => t.replace(/^\*\s*/, ''))
    .filter((t) => !/^mycontacts$|^starred$/i.test(t));
  return withName(c);
}
