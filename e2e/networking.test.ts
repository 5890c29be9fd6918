import { describe, expect, it } from 'vitest';
import { newPage, signUpInBrowser, useServerAndBrowser } from './harness';

const ctx = useServerAndBrowser();


describe('networking strategies in Chromium', () => {
  it('event → add the people met in seconds → their follow-ups are on the home page today', async () => {
    const { context, page } = await newPage(ctx.browser, ctx.server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(page, 'Priya Raman', 'priya-events@example.com');

    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByText('No events yet').waitFor();
    await page.getByRole('textbox', { name: /^Event/ }).fill('RemoteConf 2026');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('heading', { level: 1, name: 'RemoteConf 2026' }).waitFor();

    await page.getByLabel('First follow-up in (days)').fill('0');
    const line = page.getByLabel(/New person/);
    for (const text of ['Ada Lovelace: async standups across time zones', 'Grace Hopper: compilers']) {
      await line.fill(text);
      await line.press('Enter');
      await page.getByRole('link', { name: text.split(':')[0]! }).waitFor();
    }
    await page.getByText('Met 2, followed up 0').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/event-page.png', fullPage: true });

    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: 'test-results/screenshots/home-after-event.png', fullPage: true });
    // The Today agenda lists them with the reason their follow-up is there.
    await page.getByText('Follow up from RemoteConf 2026: async standups across time zones').waitFor();
    await page.getByText('Follow up from RemoteConf 2026: compilers').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
  it('booking page → a visitor books a chat → it is in the pipeline with its invitation', async () => {
    const owner = await newPage(ctx.browser, ctx.server.url);
    const errors: string[] = [];
    owner.page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(owner.page, 'Sam Lee', 'sam-booking@example.com');
    await owner.page.getByRole('link', { name: 'Coffee chats' }).click();
    await owner.page.getByText('No chats yet').waitFor();
    await owner.page.getByRole('link', { name: 'Booking page' }).click();
    await owner.page.getByText('Off until you turn it on').waitFor();
    await owner.page.getByLabel('Booking page on').check();
    await owner.page.getByRole('button', { name: 'Save booking page' }).click();
    await owner.page.getByText('Your booking page is on').waitFor();
    await owner.page.screenshot({ path: 'test-results/screenshots/booking-settings.png', fullPage: true });

    // A visitor, signed out, in another time zone.
    const visitorContext = await ctx.browser.newContext({ baseURL: ctx.server.url, timezoneId: 'America/New_York', viewport: { width: 1000, height: 900 } });
    const visitor = await visitorContext.newPage();
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.goto('/book/sam-lee');
    await visitor.getByRole('heading', { name: 'A coffee chat with Sam' }).waitFor();
    await visitor.getByText(/your time zone, America\/New_York; Sam is in UTC/).waitFor();
    await visitor.locator('.mantine-Chip-label').first().click();
    await visitor.getByLabel(/Your name/).fill('Dana <b>Bold</b>');
    await visitor.getByLabel(/Your email/).fill('dana@example.com');
    await visitor.getByLabel(/talk about/).fill('Remote onboarding');
    await visitor.getByRole('button', { name: 'Book this time' }).click();
    await visitor.getByText(/plain text/).waitFor(); // markup in a name is refused, and said so beside the field
    await visitor.getByLabel(/Your name/).fill('Dana Scully');
    await visitor.getByRole('button', { name: 'Book this time' }).click();
    await visitor.getByRole('heading', { name: 'You are booked with Sam' }).waitFor();
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: /Add to your calendar/ }).click()]);
    expect(download.suggestedFilename()).toBe('coffee-chat.ics');
    await visitor.screenshot({ path: 'test-results/screenshots/booking-confirmed.png', fullPage: true });
    await visitorContext.close();

    await owner.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Coffee chats' }).click();
    const scheduled = owner.page.getByRole('region', { name: 'Scheduled' });
    await scheduled.getByRole('link', { name: 'Dana Scully: Remote onboarding' }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Remote onboarding' }).waitFor();
    await owner.page.getByText('Booked through your page').waitFor();
    const href = await owner.page.getByRole('link', { name: /Calendar invitation/ }).getAttribute('href');
    const ics = await owner.page.request.get(href!);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('ATTENDEE;CN=Dana Scully');
    await owner.page.screenshot({ path: 'test-results/screenshots/chat-page.png', fullPage: true });
    expect(errors).toEqual([]);
    await owner.context.close();
  });
  it('mentorship → an action item due today is on the home page; a logged session is listed', async () => {
    const { context, page } = await newPage(ctx.browser, ctx.server.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUpInBrowser(page, 'Mia Chen', 'mia-mentor@example.com');
    const created = await page.request.post('/api/v1/contacts', { data: { name: 'Grace Hopper', tags: ['compilers'] }, headers: { origin: ctx.server.url } });
    expect(created.status()).toBe(201);
    await page.reload(); // the contact was added behind the app's back: start from fresh data

    await page.getByRole('link', { name: 'Mentorships' }).click();
    await page.getByText('No mentorships yet').waitFor();
    await page.getByLabel('Expertise tag').fill('compilers');
    await page.getByText('Linus').or(page.getByText('Grace Hopper')).first().waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('textbox', { name: /^Focus/ }).fill('Compiler design');
    await page.getByRole('button', { name: 'Start mentorship' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compiler design' }).waitFor();

    await page.getByLabel('New action item').fill('Read the dragon book');
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    await page.getByLabel('Due').fill(today);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('checkbox', { name: /Read the dragon book/ }).waitFor();
    await page.getByLabel('What you talked about').fill('Kick-off: parsing strategies');
    await page.getByRole('button', { name: 'Log session' }).click();
    await page.getByText(/Kick-off: parsing strategies/).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/mentorship-page.png', fullPage: true });

    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: 'test-results/screenshots/home-after-mentorship.png', fullPage: true });
    await page.getByText('Mentorship with Grace Hopper: Read the dragon book').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
