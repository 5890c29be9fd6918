import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, dialects, type TestApp, type TestUser } from '../../db/test-helpers';
import type { Clock } from '../../platform/clock';

describe.each(dialects)('chats API on %s', (dialect) => {
  let t: TestApp;
  let sam: TestUser;
  let other: TestUser;
  const now = new Date('2026-05-12T09:00:00Z');
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    sam = await t.signUp('sam-chats@example.com');
    other = await t.signUp();
  });
  afterAll(() => t?.close());


  it('walks the pipeline: idea → requested → scheduled → held (interaction + thank-you follow-up) → thanked → outcome', async () => {
    const created = await t.call(sam, 'POST', '/chats', { name: 'Grace Hopper', email: 'grace@example.com', kind: 'informational_interview', purpose: 'career_path', topic: 'Moving into developer relations' });
    expect(created.statusCode, created.body).toBe(201);
    const chat = created.json();
    expect(chat).toMatchObject({ contactName: 'Grace Hopper', status: 'idea', source: 'manual', thankYouFollowUp: null, heldAt: null, questions: [] });

    expect((await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'requested' })).json().status).toBe('requested');
    const noTime = await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'scheduled' });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.json().errors).toEqual([{ path: 'scheduledAt', message: 'a scheduled chat needs a time' }]);
    const tooEarly = await t.call(sam, 'PATCH', `/chats/${chat.id}`, { outcome: 'advice' });
    expect(tooEarly.json().errors[0].path).toBe('outcome');
    expect((await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'scheduled', scheduledAt: '2026-05-11T15:00:00+02:00', durationMinutes: 45 })).json()).toMatchObject({ status: 'scheduled', scheduledAt: '2026-05-11T13:00:00.000Z' });

    const held = (await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'held', notes: 'Start with a blog; talk at meetups' })).json();
    expect(held).toMatchObject({ status: 'held', heldAt: now.toISOString(), thankYouFollowUp: { dueOn: '2026-05-13', done: false } });
    const timeline = (await t.call(sam, 'GET', `/contacts/${chat.contactId}/interactions`)).json().items;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ kind: 'informational_interview', summary: 'Informational interview: Moving into developer relations', occurredAt: '2026-05-11T13:00:00.000Z', durationMinutes: 45, notes: 'Start with a blog; talk at meetups' });
    const followUp = (await t.call(sam, 'GET', `/follow-ups/${held.thankYouFollowUp.id}`)).json();
    expect(followUp.reason).toBe('Send Grace Hopper a thank-you note for the informational interview about Moving into developer relations');
    expect((await t.call(sam, 'GET', `/contacts/${chat.contactId}`)).json().lastInteractionAt).toBe('2026-05-11T13:00:00.000Z');

    // Going back and forth does not log the chat twice or add a second thank-you.
    await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'scheduled' });
    const again = (await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'held' })).json();
    expect(again.thankYouFollowUp.id).toBe(held.thankYouFollowUp.id);
    expect((await t.call(sam, 'GET', `/contacts/${chat.contactId}/interactions`)).json().items).toHaveLength(1);

    const thanked = (await t.call(sam, 'PATCH', `/chats/${chat.id}`, { status: 'thanked' })).json();
    expect(thanked.thankYouFollowUp.done).toBe(true);
    expect((await t.call(sam, 'GET', `/follow-ups/${held.thankYouFollowUp.id}`)).json().done).toBe(true);
    const closed = (await t.call(sam, 'PATCH', `/chats/${chat.id}`, { outcome: 'referral', outcomeNotes: 'Intro to the DevRel lead at Acme' })).json();
    expect(closed).toMatchObject({ status: 'outcome', outcome: 'referral', outcomeNotes: 'Intro to the DevRel lead at Acme' });

    expect((await t.call(sam, 'GET', '/chats?status=outcome')).json().items.map((c: any) => c.id)).toEqual([chat.id]);
    expect((await t.call(sam, 'GET', '/chats?status=idea')).json().items).toEqual([]);
  });

  it('ships a question bank grouped by purpose that the user edits; a removed default stays removed', async () => {
    const bank = (await t.call(sam, 'GET', '/chat-questions')).json().items;
    const purposes = new Set(bank.map((q: any) => q.purpose));
    expect([...purposes].sort()).toEqual(['career_path', 'company', 'industry', 'role']);
    expect(bank.find((q: any) => q.text === 'How did you get to where you are today?')).toBeTruthy();

    const added = await t.call(sam, 'POST', '/chat-questions', { purpose: 'company', text: 'How do remote teams  meet in person?' });
    expect(added.statusCode).toBe(201);
    const dup = await t.call(sam, 'POST', '/chat-questions', { purpose: 'company', text: 'how do remote teams meet in person?' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('text');
    expect((await t.call(sam, 'PATCH', `/chat-questions/${added.json().id}`, { text: 'How often do remote teams meet?' })).json().text).toBe('How often do remote teams meet?');

    const first = bank[0];
    expect((await t.call(sam, 'DELETE', `/chat-questions/${first.id}`)).statusCode).toBe(204);
    const after = (await t.call(sam, 'GET', '/chat-questions')).json().items;
    expect(after.map((q: any) => q.id)).not.toContain(first.id);
    expect(after).toHaveLength(bank.length);
    expect((await t.call(sam, 'PATCH', `/chat-questions/${first.id}`, { text: 'x?' })).statusCode).toBe(404);
    // Another account has its own bank.
    expect((await t.call(other, 'GET', '/chat-questions')).json().items.map((q: any) => q.id)).not.toContain(bank[1].id);
  });

  it('prep sheet: who they are, shared history and the questions picked; the invitation of a scheduled chat', async () => {
    const ada = (await t.call(sam, 'POST', '/contacts', { name: 'Ada Lovelace', emails: ['ada@example.com'], headline: 'Engine whisperer', title: 'Mathematician', organization: 'Analytical Engines' })).json();
    await t.call(sam, 'POST', '/interactions', { contactIds: [ada.id], kind: 'message', occurredAt: '2026-04-01T10:00:00Z', summary: 'Asked about her talk' });
    await t.call(sam, 'POST', `/contacts/${ada.id}/notes`, { body: 'Loves poetry' });
    const event = (await t.call(sam, 'POST', '/events', { name: 'EngineConf', startsOn: '2026-03-01' })).json();
    await t.call(sam, 'POST', `/events/${event.id}/people`, { people: [{ contactId: ada.id, context: 'difference engines' }] });
    const chat = (await t.call(sam, 'POST', '/chats', { contactId: ada.id, topic: 'Her path into computing', status: 'scheduled', scheduledAt: '2026-05-20T14:00:00Z' })).json();
    const withQuestions = await t.call(sam, 'PATCH', `/chats/${chat.id}`, { questions: [{ text: 'How did you get to where you are today?', purpose: 'career_path' }, { text: 'Which tools do you use?', answer: 'Punch cards' }] });
    expect(withQuestions.json().questions).toEqual([
      { text: 'How did you get to where you are today?', purpose: 'career_path', answer: null },
      { text: 'Which tools do you use?', purpose: null, answer: 'Punch cards' },
    ]);

    const prep = (await t.call(sam, 'GET', `/chats/${chat.id}/prep`)).json();
    expect(prep.contact).toMatchObject({ name: 'Ada Lovelace', headline: 'Engine whisperer', organization: 'Analytical Engines', title: 'Mathematician' });
    expect(prep.history.interactions.map((i: any) => i.summary)).toEqual(['Asked about her talk']);
    expect(prep.history.notes.map((n: any) => n.body)).toEqual(['Loves poetry']);
    expect(prep.history.events).toEqual([{ id: event.id, name: 'EngineConf', startsOn: '2026-03-01', context: 'difference engines' }]);
    expect(prep.chat.questions).toHaveLength(2);

    const ics = await t.call(sam, 'GET', `/chats/${chat.id}/invitation.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-05-20T14:00:00Z');
    expect(vevent.getFirstPropertyValue('dtend')!.toString()).toBe('2026-05-20T14:30:00Z');
    expect(vevent.getFirstPropertyValue('attendee')).toBe('mailto:ada@example.com');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:sam-chats@example.com');

    const idea = (await t.call(sam, 'POST', '/chats', { contactId: ada.id, topic: 'Later' })).json();
    expect((await t.call(sam, 'GET', `/chats/${idea.id}/invitation.ics`)).statusCode).toBe(409);
    expect((await t.call(sam, 'DELETE', `/chats/${idea.id}`)).statusCode).toBe(204);
    expect((await t.call(sam, 'GET', `/chats/${idea.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input and other people’s contacts', async () => {
    const bad = await t.call(sam, 'POST', '/chats', { topic: 'Line one\nline two', kind: 'lunch' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: any) => e.path).sort()).toEqual(['kind', 'topic']);
    expect((await t.call(sam, 'POST', '/chats', { topic: 'Who with?' })).json().errors).toEqual([{ path: 'name', message: 'give either contactId or name' }]);
    const theirs = (await t.call(other, 'POST', '/contacts', { name: 'Theirs' })).json();
    expect((await t.call(sam, 'POST', '/chats', { contactId: theirs.id, topic: 'x' })).statusCode).toBe(404);
    expect((await t.call(sam, 'GET', `/chats?contactId=${theirs.id}`)).statusCode).toBe(404);
  });
});
