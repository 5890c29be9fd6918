import type { ContactDto } from '../contracts/contacts';
import type { Actor } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { isId } from '../server/platform/ids';
import type { Services } from '../server/services';

const describe = (c: ContactDto) => `${c.name}${c.emails[0] ? ` <${c.emails[0]}>` : ''} (${c.id})`;

function ambiguous(ref: string, matches: ContactDto[]): AppError {
  const shown = matches.slice(0, 5).map(describe).join(', ');
  return new AppError(
    'validation',
    `"${ref}" matches ${matches.length} contacts: ${shown}${matches.length > 5 ? ', …' : ''}; use the id or a more precise name`,
  );
}

async function candidates(services: Services, actor: Actor, ref: string, archived: boolean) {
  const page = await services.contacts.list(actor, { q: ref, archived, sort: 'name', limit: 25 });
  return page.items;
}

/**
 * A contact given on the command line as an id, or as a name or email that picks exactly one person.
 * Exact matches win over partial ones; the typo-tolerant search only ever suggests, never chooses,
 * so a typo cannot attach a note to the wrong person.
 */
export async function resolveContact(services: Services, actor: Actor, ref: string): Promise<ContactDto> {
  const needle = ref.trim().toLowerCase();
  if (isId(needle)) return services.contacts.get(actor, needle);
  if (!needle) throw new AppError('validation', 'A contact must be an id, a name or an email');
  let found = await candidates(services, actor, ref, false);
  // An archived contact can still be referred to, as long as no active one matches.
  if (found.length === 0) found = await candidates(services, actor, ref, true);
  const exact = found.filter((c) => c.name.toLowerCase() === needle || c.emails.some((e) => e.toLowerCase() === needle));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) throw ambiguous(ref, exact);
  const partial = found.filter((c) => c.name.toLowerCase().includes(needle) || c.emails.some((e) => e.toLowerCase().includes(needle)));
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) throw ambiguous(ref, partial);
  if (found.length)
    throw new AppError('not_found', `No contact matches "${ref}"; did you mean ${found.slice(0, 3).map(describe).join(', ')}?`);
  throw new AppError('not_found', `No contact matches "${ref}"; list contacts with: rapport contacts list`);
}

export async function resolveContacts(services: Services, actor: Actor, refs: string[]): Promise<ContactDto[]> {
  const contacts: ContactDto[] = [];
  for (const ref of refs) {
    const contact = await resolveContact(services, actor, ref);
    if (!contacts.some((c) => c.id === contact.id)) contacts.push(contact);
  }
  return contacts;
}
