import type { Command } from 'commander';
import { configFlags, globalOptions } from '../context';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web app and the REST API (stops cleanly on Ctrl-C or SIGTERM)')
    .option('--host <host>', 'address to listen on (default: HOST, else 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one (default: PORT, else 7277)')
    .addHelpText(
      'after',
      `\nWith --json the line announcing the address is one JSON object ({"url", "docs", "database"}); logs are JSON lines unless stdout is a terminal.\n\nExamples:\n  $ rapport serve\n  $ rapport serve --host 0.0.0.0 --port 8080 --database-url postgres://rapport@localhost/rapport`,
    )
    .action(async (opts: { host?: string; port?: string }, command: Command) => {
      const options = globalOptions(command);
      // Imported here so that other commands do not pay for loading Fastify and its plugins.
      const { startServer } = await import('../../server/server');
      await startServer(
        { ...configFlags(options), host: opts.host, port: opts.port },
        // One compact line, so a supervisor can read it as the first line of NDJSON output.
        options.json ? { announce: (info) => process.stdout.write(`${JSON.stringify(info)}\n`) } : {},
      );
    });
}
