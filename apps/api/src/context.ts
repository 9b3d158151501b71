import type { Database } from '@kenshu/db';
import type { Viewer } from '@kenshu/domain';
import type { Config } from './config.ts';
import type { Clock } from './lib/clock.ts';
import type { Lifecycle } from './lib/lifecycle.ts';
import type { Logger } from './lib/logger.ts';

/**
 * The browser's sign-in a request came with. It is HTTP's business: the CSRF check reads it, and
 * only the sign-in services get it, from their routes; every other service sees the person alone.
 */
export interface SignIn {
  id: string;
  csrfToken: string;
}

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The request's logger: every line carries its request id. */
    log: Logger;
    lifecycle: Lifecycle;
    database: Database;
    config: Config;
    clock: Clock;
    /** The signed-in person, or null. */
    viewer: Viewer | null;
    signIn: SignIn | null;
  };
}

/**
 * What a use-case service receives: database, the request's instant (read once from the app's
 * clock, so every rule in one request sees the same time), who is asking, and the request id.
 */
export interface ServiceContext {
  db: Database['db'];
  now: Date;
  viewer: Viewer | null;
  requestId: string;
  config: Config;
}
