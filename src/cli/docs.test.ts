import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program';

const root = join(import.meta.dirname, '..', '..');
const cliDoc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Every command of the program with its full name ("rapport contacts add"), help excluded. */
function commands(command: Command, prefix = 'rapport'): { name: string; command: Command }[] {
  return command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => {
      const name = `${prefix} ${c.name()}`;
      return [{ name, command: c }, ...commands(c, name)];
    });
}

describe('docs/cli.md follows --help', () => {
  const program = buildProgram();
  const all = commands(program);

  it('documents every command under a heading of its own', () => {
    const headings = cliDoc.split('\n').filter((line) => line.startsWith('### '));
    // Groups (contacts, user, token) are documented through their subcommands.
    const documented = all.filter(({ command }) => command.commands.length === 0 || (command as any)._actionHandler);
    expect(documented.length).toBeGreaterThan(15);
    for (const { name } of documented) expect(headings.some((h) => h.includes(`\`${name}`)), name).toBe(true);
  });

  it('mentions every option of every command', () => {
    for (const { name, command } of [{ name: 'rapport', command: program }, ...all])
      for (const option of command.options) {
        if (!option.long || option.long === '--help' || option.long === '--version') continue;
        expect(cliDoc, `${name} ${option.long}`).toContain(option.long);
      }
  });

  it('the README lists every command in its CLI section', () => {
    const section = readme.slice(readme.indexOf('## CLI'), readme.indexOf('\n## ', readme.indexOf('## CLI') + 1));
    for (const command of program.commands.filter((c) => c.name() !== 'help')) expect(section, command.name()).toContain(`\`${command.name()}`);
  });
});
