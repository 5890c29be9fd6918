import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Contact, type ContactDto } from '../../contracts/contacts';
import { page } from '../../contracts/common';
import { pickerOf, trustedSerializerCompiler } from './trusted-serializer';

const contact: ContactDto = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  name: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: null,
  pronouns: 'she/her',
  headline: null,
  organization: 'Analytical Engines',
  organizationId: '0190a1b2-0000-7000-8000-000000000002',
  title: null,
  location: 'London',
  timezone: 'Europe/London',
  emails: ['ada@example.com'],
  phones: [],
  socialProfiles: [{ type: 'github', url: null, handle: 'ada' }],
  birthday: '--12-10',
  howWeMet: null,
  circle: 'inner',
  cadenceDays: 30,
  tags: ['math', 'poetry'],
  starred: true,
  archived: false,
  lastInteractionAt: '2026-11-01T10:00:00.000Z',
  nextDueOn: '2026-12-01',
  strength: {
    score: 42,
    band: 'friendly',
    trend: 'steady',
    reasons: [{ factor: 'recency', points: 12.5, max: 20, text: 'no contact for 24 days, usually every 30' }],
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('trusted serializer', () => {
  it('writes exactly what the zod serializer writes: the schema keys in schema order, extra keys dropped', () => {
    // Keys in another order than the schema's, and keys the schema does not have.
    const messy = {
      ...Object.assign({ updatedAt: contact.updatedAt, internal_column: 'never sent' }, contact),
      socialProfiles: [{ handle: 'ada', secret: 'x', type: 'github', url: null }],
      strength: { ...contact.strength, debug: true, reasons: contact.strength.reasons.map((r) => Object.assign({ text: r.text }, r, { extra: 1 })) },
    };
    const viaZod = JSON.stringify(Contact.encode(messy as ContactDto));
    expect(JSON.stringify(pickerOf(Contact)(messy))).toBe(viaZod);
    const list = page(Contact) as unknown as z.ZodType;
    const body = { items: [messy, contact], nextCursor: null };
    expect(JSON.stringify(pickerOf(list)(body))).toBe(JSON.stringify(list.encode(body)));
  });

  it('leaves out fields the value lacks, as zod does, and refuses a schema key that would set the prototype', () => {
    const schema = z.object({ a: z.string(), b: z.string().optional(), c: z.object({ d: z.number() }).optional(), e: z.array(z.object({ f: z.string() })).nullable() });
    for (const value of [{ a: 'x', e: null }, { a: 'x', c: { d: 1, g: 2 }, e: [{ f: 'y', h: 3 }] }, { b: 'only b', a: 'x', e: [] }])
      expect(JSON.stringify(pickerOf(schema)(value))).toBe(JSON.stringify(schema.encode(value)));
    expect(() => pickerOf(z.object({ ['__proto__']: z.string() }))).toThrow(/__proto__/);
  });

  it('still validates while the tests run, and always for error bodies', () => {
    const serialize = trustedSerializerCompiler({ schema: Contact, method: 'GET', url: '/contacts/:id', httpStatus: '200' });
    expect(() => serialize({ ...contact, name: 42 })).toThrow();
  });

  it('outside the tests writes the trimmed body without validating it', () => {
    vi.stubEnv('VITEST', '');
    try {
      const serialize = trustedSerializerCompiler({ schema: Contact, method: 'GET', url: '/contacts/:id', httpStatus: '200' });
      expect(serialize({ ...contact, extra: 1 })).toBe(JSON.stringify(Contact.encode(contact)));
      expect(() => trustedSerializerCompiler({ schema: Contact, method: 'GET', url: '/contacts/:id', httpStatus: '404' })({ ...contact, name: 42 })).toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
