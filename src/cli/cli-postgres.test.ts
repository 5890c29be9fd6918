import { cliScenario } from './cli-scenario';

cliScenario('postgres');
