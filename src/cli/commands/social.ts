import { Option, type Command } from 'commander';
import { ContentPostCreate, contentStatuses, ContentPostUpdate, EngagementCreate, engagementActions } from '../../contracts/social';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { collect, integer, parseDay, parseWhen } from '../options';
import { color, formatInstant, printJson, printLine, printTable, truncate } from '../output';
import { resolveContact, resolveContacts } from '../resolve';

const labels = { contactId: 'CONTACT', action: '--action', platform: '--platform', link: '--link', note: '--note', occurredAt: '--at', topic: 'TOPIC', status: '--status', plannedOn: '--on', mentionIds: '--mention' };

function checkId(id: string): string {
  if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a post id; see ids with: rapport posts`);
  return id.trim().toLowerCase();
}

export function registerSocial(program: Command): void {
  program
    .command('engage')
    .argument('<contact>', 'id, name or email')
    .description('log a social-media engagement (a light interaction that counts a little for the relationship)')
    .addOption(new Option('--action <action>', 'what you did').choices(engagementActions).default('commented'))
    .option('--platform <name>', 'LinkedIn, X, Mastodon, …')
    .option('--note <text>', 'what it was about')
    .option('--link <url>', 'the post')
    .option('--at <when>', 'when (default: now)')
    .addHelpText('after', `\nExample:\n  $ rapport engage "Ada Lovelace" --action commented --platform LinkedIn --note "her post on async work"`)
    .action(async (ref: string, opts: { action: string; platform?: string; note?: string; link?: string; at?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contact = await resolveContact(ctx.services, actor, ref);
        const input = parseInput(
          EngagementCreate,
          { contactId: contact.id, action: opts.action, platform: opts.platform, note: opts.note, link: opts.link, occurredAt: opts.at && parseWhen(opts.at, actor.timezone, ctx.services.deps.clock.now()) },
          labels,
        );
        const e = await ctx.services.social.engage(actor, input);
        if (ctx.json) return printJson(e);
        printLine(`${color.green('Logged')} ${e.summary} (${e.contactName})`);
      }),
    );

  program
    .command('engagements')
    .description('the engagement log, newest first')
    .option('--contact <contact>', 'only with this contact')
    .option('--limit <n>', 'how many', integer, 50)
    .action(async (opts: { contact?: string; limit: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const contactId = opts.contact ? (await resolveContact(ctx.services, actor, opts.contact)).id : undefined;
        const list = await ctx.services.social.engagements(actor, { contactId, limit: opts.limit });
        if (ctx.json) return printJson(list);
        if (!list.items.length) return printLine('No engagements yet. A thoughtful comment on someone’s post keeps you in their mind: rapport engage "Ada Lovelace" --platform LinkedIn --note "her post"');
        printTable(['When', 'With', 'What', 'ID'], list.items.map((e) => [formatInstant(e.occurredAt, actor.timezone), e.contactName, truncate(e.summary, 60), color.dim(e.id)]));
      }),
    );

  const posts = program
    .command('posts')
    .description('your content plan: ideas, drafts, scheduled and published posts')
    .option('--from <date>', 'with --to: planned or published in this period')
    .option('--to <date>', 'end of the period')
    .addHelpText('after', `\nExamples:\n  $ rapport posts\n  $ rapport posts add "What remote onboarding taught us" --platform LinkedIn --on 2026-06-02 --mention "Ada Lovelace"\n  $ rapport posts move 01890a5d-ac96-774b-bcce-b302099a8057 published`)
    .action(async (opts: { from?: string; to?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const now = ctx.services.deps.clock.now();
        const list = await ctx.services.social.listPosts(actor, { from: opts.from && parseDay(opts.from, '--from', actor.timezone, now), to: opts.to && parseDay(opts.to, '--to', actor.timezone, now) });
        if (ctx.json) return printJson(list);
        if (!list.items.length) return printLine('No posts planned. Note ideas as they come, then pick a day: rapport posts add "A lesson from this week" --platform LinkedIn');
        printTable(['Status', 'Date', 'Topic', 'Platform', 'Mentions', 'ID'], list.items.map((p) => [p.status, p.publishedOn ?? p.plannedOn ?? '', truncate(p.topic, 50), p.platform, p.mentions.map((m) => m.name).join(', '), color.dim(p.id)]));
      }),
    );

  posts
    .command('add')
    .argument('<topic>', 'what the post is about')
    .description('add a post to the plan')
    .addOption(new Option('--status <status>', 'where it starts').choices(contentStatuses))
    .option('--platform <name>', 'where it goes')
    .option('--on <date>', 'the day it is planned for (makes it scheduled)')
    .option('--mention <contact>', 'a contact it mentions (repeatable)', collect)
    .action(async (topic: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const opts = command.optsWithGlobals<{ status?: string; platform?: string; on?: string; mention?: string[] }>();
        const mentions = opts.mention ? await resolveContacts(ctx.services, actor, opts.mention) : [];
        const plannedOn = opts.on ? parseDay(opts.on, '--on', actor.timezone, ctx.services.deps.clock.now()) : undefined;
        const input = parseInput(ContentPostCreate, { topic, status: opts.status ?? (plannedOn ? 'scheduled' : undefined), platform: opts.platform, plannedOn, mentionIds: mentions.map((m) => m.id) }, labels);
        const post = await ctx.services.social.createPost(actor, input);
        if (ctx.json) return printJson(post);
        printLine(`${color.green('Planned')} ${post.topic} (${post.status}${post.plannedOn ? `, ${post.plannedOn}` : ''}) ${color.dim(`(${post.id})`)}`);
      }),
    );

  posts
    .command('move')
    .argument('<id>', 'post id')
    .argument('<status>', `one of ${contentStatuses.join(', ')}`)
    .description('move a post along the plan')
    .option('--on <date>', 'the day it is planned for')
    .action(async (id: string, status: string, opts: { on?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(ContentPostUpdate, { status, plannedOn: opts.on && parseDay(opts.on, '--on', actor.timezone, ctx.services.deps.clock.now()) }, labels);
        const post = await ctx.services.social.updatePost(actor, checkId(id), input);
        if (ctx.json) return printJson(post);
        printLine(`${post.topic}: ${post.status}${post.publishedOn ? ` on ${post.publishedOn}` : post.plannedOn ? ` for ${post.plannedOn}` : ''}`);
      }),
    );
}
