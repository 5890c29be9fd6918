import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../db/test-helpers';
import { postgresLocation } from './instance.service';

describe('postgresLocation', () => {
  it('keeps host, port and database name and drops the credentials', () => {
    expect(postgresLocation('postgres://rapport:s3cret@db.internal:6543/rapport_prod?sslmode=require')).toEqual({ host: 'db.internal', port: 6543, name: 'rapport_prod' });
    expect(postgresLocation('postgresql://db.example.com/crm')).toEqual({ host: 'db.example.com', port: 5432, name: 'crm' });
    expect(postgresLocation('postgres:///rapport?host=/var/run/postgresql')).toEqual({ host: '/var/run/postgresql', port: 5432, name: 'rapport' });
  });
});

describe.each(dialects)('GET /api/v1/instance on %s', (dialect) => {
  let t: TestApp;
  afterEach(() => t?.close());

  // The location the server was configured with (what it opened in production; tests open temporary ones).
  const location =
    dialect === 'sqlite'
      ? ({ kind: 'sqlite', file: '/srv/rapport/rapport.db' } as const)
      : ({ kind: 'postgres', url: 'postgres://rapport:s3cret-pw@db.internal:6543/rapport_prod' } as const);

  it('shows the database kind to everyone and its location to the admin only, never a password', async () => {
    t = await createTestApp(dialect, { config: { database: location } });
    const admin = await t.signUp();
    const member = await t.signUp();
    const asAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/instance', headers: admin.auth });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().version).toMatch(/^\d+\.\d+\.\d+/);
    if (dialect === 'sqlite') expect(asAdmin.json().database).toEqual({ kind: 'sqlite', file: '/srv/rapport/rapport.db', host: null, port: null, name: null });
    else expect(asAdmin.json().database).toEqual({ kind: 'postgres', file: null, host: 'db.internal', port: 6543, name: 'rapport_prod' });
    expect(asAdmin.body).not.toContain('s3cret');
    expect(asAdmin.body).not.toContain('rapport:');

    const asMember = await t.app.inject({ method: 'GET', url: '/api/v1/instance', headers: member.auth });
    expect(asMember.json().database).toEqual({ kind: dialect, file: null, host: null, port: null, name: null });
  });

  it('names no location that does not describe the open database', async () => {
    t = await createTestApp(dialect, { config: { database: dialect === 'sqlite' ? { kind: 'postgres', url: 'postgres://x@h/db' } : { kind: 'sqlite', file: '/tmp/other.db' } } });
    const admin = await t.signUp();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/instance', headers: admin.auth });
    expect(res.json().database).toEqual({ kind: dialect, file: null, host: null, port: null, name: null });
  });
});
