import { createInterface } from 'node:readline/promises';
import { AppError } from '../server/platform/errors';

/** Reads all of stdin (a piped password); a terminal gets a hint because it waits for Ctrl-D. */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`Type the ${what}, then press Enter and Ctrl-D:\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  // Only the line ending that `echo` or a heredoc adds is dropped; other spaces may be part of a password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks yes/no on the terminal; without one it refuses rather than guessing. */
export async function confirm(question: string, override: { yes?: boolean; flag: string }): Promise<boolean> {
  if (override.yes) return true;
  if (!process.stdin.isTTY || !process.stderr.isTTY)
    throw new AppError('validation', `Not asking for confirmation without a terminal; pass ${override.flag} to go ahead`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
