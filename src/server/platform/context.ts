import type { Config } from '../config';
import type { RapportDatabase } from '../db/database';
import type { Auth } from './auth';
import type { Clock } from './clock';

/** Who is asking. Services take it first and scope every query to `userId`. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  timezone: string;
  via: 'session' | 'token' | 'cli';
}

/** What every service needs: the database, a clock, the configuration and the auth library. */
export interface Deps {
  database: RapportDatabase;
  clock: Clock;
  config: Pick<Config, 'openSignup' | 'baseUrl'>;
  /** The auth library, loaded on first use. */
  auth: () => Promise<Auth>;
}
