import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { AppError, errorCodes } from '../server/platform/errors';
import { registerContacts } from './commands/contacts';
import { registerDemo } from './commands/demo';
import { registerFollowUps } from './commands/followups';
import { registerAppreciation } from './commands/appreciation';
import { registerGoals } from './commands/goals';
import { registerCalendar } from './commands/calendar';
import { registerEvents } from './commands/events';
import { registerChats } from './commands/chats';
import { registerMentorships } from './commands/mentorships';
import { registerCommunities } from './commands/communities';
import { registerSocial } from './commands/social';
import { registerImports } from './commands/imports';
import { registerDuplicates } from './commands/duplicates';
import { registerLog } from './commands/log';
import { registerMigrate } from './commands/migrate';
import { registerNote } from './commands/note';
import { registerSearch } from './commands/search';
import { registerRelationships } from './commands/relationships';
import { registerExport } from './commands/export';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';
import { registerUser } from './commands/user';

const USAGE_EXIT_CODE = 2;
const debug = process.env.RAPPORT_DEBUG === '1';

const oneLine = (text: string) => text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('rapport')
    .description('Rapport: a local-first personal CRM for your professional network')
    .version(version(), '-V, --version')
    .option('--json', 'machine output: one JSON value on stdout (serve: JSON lines)')
    .option('--user <email>', 'act as this account (default: RAPPORT_USER, else the only account)')
    .option('--data-dir <dir>', 'folder of the SQLite database (default: RAPPORT_DATA_DIR, else ~/.local/share/rapport)')
    .option('--database-url <url>', 'use PostgreSQL instead of SQLite (default: DATABASE_URL)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    // Set before any subcommand exists: commander copies these settings into each new subcommand.
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`rapport: ${oneLine(message)}\n`) })
    .addHelpText(
      'after',
      `\nExamples:\n  $ rapport demo                                   # try it with realistic sample data\n  $ rapport contacts add "Ada Lovelace" --email ada@example.com\n  $ rapport log "Ada Lovelace" --kind coffee_chat --summary "Talked about her new role"\n  $ rapport note "Ada Lovelace" "Prefers calls before lunch, her time" --pin\n  $ rapport followups --status due\n  $ rapport serve                                  # the web app on http://127.0.0.1:7277\n\nEvery command takes --json. Exit codes: 0 ok, 1 unexpected, 2 invalid input, 3 not allowed, 4 not found, 5 conflict, 78 configuration.`,
    );
  registerContacts(program);
  registerLog(program);
  registerNote(program);
  registerFollowUps(program);
  registerAppreciation(program);
  registerGoals(program);
  registerCalendar(program);
  registerEvents(program);
  registerChats(program);
  registerMentorships(program);
  registerCommunities(program);
  registerSocial(program);
  registerImports(program);
  registerDuplicates(program);
  registerSearch(program);
  registerRelationships(program);
  registerExport(program);
  registerUser(program);
  registerToken(program);
  registerDemo(program);
  registerMigrate(program);
  registerServe(program);
  return program;
}

/** Any failure becomes one line on stderr and an exit code; stack traces only with RAPPORT_DEBUG=1. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message through outputError (or the help text).
    return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  }
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof ZodError) {
    const issue = error.issues[0];
    appError = new AppError('validation', issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'Invalid input');
  } else {
    const message = error instanceof Error ? error.message : String(error);
    appError = new AppError('internal', `Unexpected error: ${message}${debug ? '' : ' (run with RAPPORT_DEBUG=1 for details)'}`);
  }
  process.stderr.write(`rapport: ${oneLine(appError.message)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return errorCodes[appError.code].exitCode;
}
