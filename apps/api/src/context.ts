import type { Database } from '@kenshu/db';
import type { Config } from './config.ts';

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    database: Database;
    config: Config;
  };
}

/** What a use-case service receives: the database handle and the clock. */
export interface ServiceContext {
  db: Database['db'];
  now: Date;
}
