import { cliScenario } from './cli-scenario';

// The same scenario on PostgreSQL is cli-postgres.test.ts: a file of its own runs in parallel.
cliScenario('sqlite');
