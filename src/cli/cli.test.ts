import { cliScenario } from './cli-scenario';

// The same scenario on PostgreSQL is in cli-postgres.test.ts: a separate file runs in parallel.
cliScenario('sqlite');
