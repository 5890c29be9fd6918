import { cliScenario } from './cli-scenario';

// What does not depend on the database (option parsing, tables, prompts) is covered on SQLite.
cliScenario('postgres', { full: false });
