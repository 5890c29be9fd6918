import { Option, type Command } from 'commander';
import { CommunityCreate, CommunityMembersAdd, communityRoles, ContributionCreate, contributionKinds, type CommunityDto } from '../../contracts/communities';
import type { Actor } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import type { Services } from '../../server/services';
import { parseInput, withActor } from '../context';
import { integer, parseDay } from '../options';
import { color, heading, printFields, printJson, printLine, printTable } from '../output';
import { resolveContact } from '../resolve';

const labels = { name: 'NAME', platform: '--platform', link: '--link', role: '--role', weeklyGoal: '--goal', kind: '--kind', title: 'TITLE', occurredOn: '--on', members: 'CONTACT' };

const bars = (c: CommunityDto) => c.weeks.map((w) => ' ▁▂▃▄▅▆▇█'[Math.min(8, w.count)]).join('');
const goal = (c: CommunityDto) => (c.weeklyGoal ? `${c.thisWeek}/${c.weeklyGoal} this week${c.streak ? `, ${c.streak}-week streak` : ''}` : `${c.thisWeek} this week`);

async function resolveCommunity(services: Services, actor: Actor, ref: string): Promise<CommunityDto> {
  if (isId(ref.trim())) return services.communities.get(actor, ref.trim().toLowerCase());
  const all = (await services.communities.list(actor)).items;
  const needle = ref.trim().toLowerCase();
  const exact = all.filter((c) => c.name.toLowerCase() === needle);
  const matches = exact.length ? exact : all.filter((c) => c.name.toLowerCase().includes(needle));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError('validation', `"${ref}" matches ${matches.map((c) => c.name).join(', ')}; use the id`);
  throw new AppError('not_found', `No community matches "${ref}"; add it with: rapport communities add "${ref}"`);
}

export function registerCommunities(program: Command): void {
  const communities = program
    .command('communities')
    .alias('community')
    .description('online communities: your role, contributions and the members you know there')
    .addHelpText('after', `\nExamples:\n  $ rapport communities\n  $ rapport communities add "Remote Leaders" --platform Slack --role moderator --goal 2\n  $ rapport communities contribute "Remote Leaders" "Answered a question on async standups" --kind answer`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const list = await ctx.services.communities.list(actor);
        if (ctx.json) return printJson(list);
        if (!list.items.length) return printLine('No communities yet. Add the ones you take part in and note what you give; a small weekly goal keeps you visible:\n  rapport communities add "Remote Leaders" --platform Slack --goal 2');
        printTable(['Community', 'Platform', 'Role', 'This week', 'Last 12 weeks', 'Members', 'ID'], list.items.map((c) => [c.name, c.platform, c.role, goal(c), bars(c), c.members, color.dim(c.id)]));
      }),
    );

  communities
    .command('add')
    .argument('<name>', 'the community')
    .description('add a community')
    .option('--platform <text>', 'Slack, Discord, a forum, …')
    .option('--link <url>', 'where it is')
    .addOption(new Option('--role <role>', 'your role there').choices(communityRoles).default('member'))
    .option('--goal <n>', 'contributions a week you aim for', integer)
    .addHelpText('after', `\nExample:\n  $ rapport communities add "Remote Leaders" --platform Slack --link https://remote-leaders.slack.com --goal 2`)
    .action(async (name: string, opts: { platform?: string; link?: string; role: string; goal?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const c = await ctx.services.communities.create(actor, parseInput(CommunityCreate, { name, platform: opts.platform, link: opts.link, role: opts.role, weeklyGoal: opts.goal }, labels));
        if (ctx.json) return printJson(c);
        printLine(`${color.green('Added')} ${c.name} ${color.dim(`(${c.id})`)}`);
      }),
    );

  communities
    .command('show')
    .argument('<community>', 'id or name')
    .description('a community: activity, recent contributions and members')
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const c = await resolveCommunity(ctx.services, actor, ref);
        const [contributions, members] = await Promise.all([ctx.services.communities.contributions(actor, c.id), ctx.services.communities.members(actor, c.id)]);
        if (ctx.json) return printJson({ ...c, recent: contributions.items, memberList: members.items });
        heading(c.name);
        printFields([['Platform', c.platform], ['Link', c.link], ['Role', c.role], ['Activity', `${bars(c)}  ${goal(c)}`], ['ID', c.id]]);
        heading('Recent contributions');
        if (!contributions.items.length) printLine(color.dim(`  None yet: rapport communities contribute "${c.name}" "What you shared" --kind post`));
        for (const x of contributions.items.slice(0, 10)) printLine(`  ${x.occurredOn}  ${x.kind.padEnd(6)} ${x.title}`);
        heading('Members you know');
        if (!members.items.length) printLine(color.dim(`  None yet: rapport communities member "${c.name}" "Ada Lovelace" --context "helped me with X"`));
        for (const m of members.items) printLine(`  ${m.contactName}${m.context ? color.dim(`: ${m.context}`) : ''}`);
      }),
    );

  communities
    .command('contribute')
    .argument('<community>', 'id or name')
    .argument('<title...>', 'what you contributed')
    .description('record a contribution (post, answer, talk, help given)')
    .addOption(new Option('--kind <kind>', 'what kind').choices(contributionKinds).default('post'))
    .option('--link <url>', 'where it is')
    .option('--on <date>', 'when (default: today)')
    .addHelpText('after', `\nExample:\n  $ rapport communities contribute "Remote Leaders" Answered a question on async standups --kind answer`)
    .action(async (ref: string, words: string[], opts: { kind: string; link?: string; on?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const c = await resolveCommunity(ctx.services, actor, ref);
        const input = parseInput(ContributionCreate, { kind: opts.kind, title: words.join(' '), link: opts.link, occurredOn: opts.on && parseDay(opts.on, '--on', actor.timezone, ctx.services.deps.clock.now()) }, labels);
        const x = await ctx.services.communities.contribute(actor, c.id, input);
        if (ctx.json) return printJson(x);
        const after = await ctx.services.communities.get(actor, c.id);
        printLine(`${color.green('Recorded')} ${x.kind} in ${c.name}: ${goal(after)}`);
      }),
    );

  communities
    .command('member')
    .argument('<community>', 'id or name')
    .argument('<contact>', 'id, name or email')
    .description('note someone you know there')
    .option('--context <text>', 'one line: how you know them there')
    .action(async (ref: string, contactRef: string, opts: { context?: string }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const c = await resolveCommunity(ctx.services, actor, ref);
        const contact = await resolveContact(ctx.services, actor, contactRef);
        const result = await ctx.services.communities.addMembers(actor, c.id, parseInput(CommunityMembersAdd, { members: [{ contactId: contact.id, context: opts.context }] }, labels));
        if (ctx.json) return printJson(result);
        printLine(`${color.green('Noted')} ${contact.name} in ${c.name}`);
      }),
    );

  communities
    .command('rm')
    .alias('remove')
    .argument('<community>', 'id or name')
    .description('delete a community with its contributions')
    .action(async (ref: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const c = await resolveCommunity(ctx.services, actor, ref);
        await ctx.services.communities.remove(actor, c.id);
        if (ctx.json) return printJson({ deleted: true, id: c.id });
        printLine(`${color.green('Deleted')} ${c.name}`);
      }),
    );
}
