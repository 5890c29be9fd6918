import { buildProgram, reportError } from './program';

// `rapport contacts list | head` closes the pipe before we finish writing: stop quietly, like other tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
