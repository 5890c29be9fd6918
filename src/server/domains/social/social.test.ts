import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('social media API on %s', (dialect) => {
  let t: TestApp;
  let priya: TestUser;
  let other: TestUser;
  const now = new Date('2026-05-13T09:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    priya = await t.signUp();
    other = await t.signUp();
  });
  afterAll(() => t?.close());


  it('logs engagements as light interactions: on the timeline, in the strength score with a low weight, not resetting the cadence', async () => {
    const ada = (await t.call(priya, 'POST', '/contacts', { name: 'Ada Lovelace', cadenceDays: 30 })).json();
    const grace = (await t.call(priya, 'POST', '/contacts', { name: 'Grace Hopper', cadenceDays: 30 })).json();
    const res = await t.call(priya, 'POST', '/engagements', { contactId: ada.id, action: 'commented', platform: 'LinkedIn', note: 'her post on async work', link: 'https://linkedin.example/p/1' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ action: 'commented', platform: 'LinkedIn', summary: 'Commented on LinkedIn: her post on async work', occurredAt: now.toISOString(), contactName: 'Ada Lovelace' });
    const timeline = (await t.call(priya, 'GET', `/contacts/${ada.id}/interactions`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'social', summary: 'Commented on LinkedIn: her post on async work', notes: 'https://linkedin.example/p/1' });
    await t.call(priya, 'POST', '/interactions', { contactIds: [grace.id], kind: 'video_call', occurredAt: now.toISOString(), summary: 'Catch-up' });
    const [a, g] = await Promise.all([t.call(priya, 'GET', `/contacts/${ada.id}`), t.call(priya, 'GET', `/contacts/${grace.id}`)]).then((r) => r.map((x) => x.json()));
    expect(a.strength.score).toBeGreaterThan(0);
    expect(a.strength.score).toBeLessThan(g.strength.score);

    expect((await t.call(priya, 'GET', `/engagements?contactId=${ada.id}`)).json().items).toHaveLength(1);
    expect((await t.call(priya, 'DELETE', `/engagements/${res.json().id}`)).statusCode).toBe(204);
    expect((await t.call(priya, 'GET', `/contacts/${ada.id}/interactions`)).json().items).toEqual([]);
    expect((await t.call(priya, 'GET', '/engagements')).json().items).toEqual([]);
  });

  it('plans posts: idea → draft → scheduled → published with mentions, and the calendar by period', async () => {
    const ada = (await t.call(priya, 'POST', '/contacts', { name: 'Ada Mentioned' })).json();
    const idea = (await t.call(priya, 'POST', '/content-posts', { topic: 'What remote onboarding taught us', platform: 'LinkedIn', mentionIds: [ada.id] })).json();
    expect(idea).toMatchObject({ status: 'idea', plannedOn: null, publishedOn: null, mentions: [{ id: ada.id, name: 'Ada Mentioned' }] });
    const noDate = await t.call(priya, 'PATCH', `/content-posts/${idea.id}`, { status: 'scheduled' });
    expect(noDate.json().errors).toEqual([{ path: 'plannedOn', message: 'a scheduled post needs a date' }]);
    expect((await t.call(priya, 'PATCH', `/content-posts/${idea.id}`, { status: 'scheduled', plannedOn: '2026-05-20', body: 'Draft text' })).json()).toMatchObject({ status: 'scheduled', plannedOn: '2026-05-20' });
    await t.call(priya, 'POST', '/content-posts', { topic: 'June post', status: 'scheduled', plannedOn: '2026-06-03' });
    const may = (await t.call(priya, 'GET', '/content-posts?from=2026-05-01&to=2026-05-31')).json().items;
    expect(may.map((p: any) => p.topic)).toEqual(['What remote onboarding taught us']);
    const published = (await t.call(priya, 'PATCH', `/content-posts/${idea.id}`, { status: 'published', link: 'https://linkedin.example/p/2' })).json();
    expect(published).toMatchObject({ status: 'published', publishedOn: '2026-05-13' });
    expect((await t.call(priya, 'GET', '/content-posts?status=published')).json().items.map((p: any) => p.id)).toEqual([idea.id]);
    expect((await t.call(priya, 'GET', '/content-posts?from=2026-05-01')).statusCode).toBe(400);

    const theirs = (await t.call(other, 'POST', '/contacts', { name: 'Theirs' })).json();
    expect((await t.call(priya, 'PATCH', `/content-posts/${idea.id}`, { mentionIds: [theirs.id] })).statusCode).toBe(404);
    expect((await t.call(priya, 'POST', '/engagements', { contactId: theirs.id, action: 'reacted' })).statusCode).toBe(404);
    expect((await t.call(other, 'GET', `/content-posts/${idea.id}`)).statusCode).toBe(404);
    expect((await t.call(priya, 'DELETE', `/content-posts/${idea.id}`)).statusCode).toBe(204);
  });
});
