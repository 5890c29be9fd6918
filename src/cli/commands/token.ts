import type { Command } from 'commander';
import { TokenCreate } from '../../contracts/account';
import { AppError } from '../../server/platform/errors';
import { isId } from '../../server/platform/ids';
import { parseInput, withActor } from '../context';
import { integer } from '../options';
import { color, formatInstant, printJson, printLine, printNotice, printTable } from '../output';

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description('API tokens for scripts and integrations (Authorization: Bearer <token>)')
    .addHelpText('after', `\nExamples:\n  $ rapport token create --name "laptop script" --expires-in-days 90\n  $ rapport token list\n  $ rapport token revoke 01890a5d-ac96-774b-bcce-b302099a8057`);

  token
    .command('create')
    .description('create an API token (shown once)')
    .option('--name <name>', 'what the token is for', 'CLI token')
    .option('--expires-in-days <n>', 'expire after N days (default: never)', integer)
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport token create --name backup --expires-in-days 30\n  $ TOKEN=$(rapport token create --json | jq -r .token)`,
    )
    .action(async (opts: { name: string; expiresInDays?: number }, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const input = parseInput(TokenCreate, { name: opts.name, expiresInDays: opts.expiresInDays }, { name: '--name', expiresInDays: '--expires-in-days' });
        const created = await ctx.services.account.createToken(actor, input);
        if (ctx.json) return printJson(created);
        // The token alone on stdout (easy to capture); the advice on stderr.
        printLine(created.token);
        printNotice(color.yellow('Store this token now: it is shown only once.'));
        printNotice(color.dim(`Use it as "Authorization: Bearer <token>"; revoke with: rapport token revoke ${created.id}`));
      }),
    );

  token
    .command('list')
    .description('list your API tokens (never the secrets)')
    .addHelpText('after', `\nExample:\n  $ rapport token list --user ada@example.com`)
    .action(async (_opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        const tokens = await ctx.services.account.listTokens(actor);
        if (ctx.json) return printJson(tokens);
        if (tokens.length === 0) return printLine('No API tokens. Create one with: rapport token create --name "my script"');
        printTable(
          ['Name', 'Prefix', 'Created', 'Last used', 'Expires', 'ID'],
          tokens.map((t) => [t.name, `${t.prefix}…`, formatInstant(t.createdAt, actor.timezone), formatInstant(t.lastUsedAt, actor.timezone), formatInstant(t.expiresAt, actor.timezone) || 'never', color.dim(t.id)]),
        );
      }),
    );

  token
    .command('revoke')
    .argument('<id>', 'token id (from rapport token list)')
    .description('revoke an API token at once')
    .addHelpText('after', `\nExample:\n  $ rapport token revoke 01890a5d-ac96-774b-bcce-b302099a8057`)
    .action(async (id: string, _opts: object, command: Command) =>
      withActor(command, async (ctx, actor) => {
        if (!isId(id.trim())) throw new AppError('validation', `"${id}" is not a token id; see ids with: rapport token list`);
        await ctx.services.account.revokeToken(actor, id.trim().toLowerCase());
        if (ctx.json) return printJson({ deleted: true, id: id.trim().toLowerCase() });
        printLine(`${color.green('Revoked')} token ${id}`);
      }),
    );
}
