import type { Database } from '@kenshu/db';
import type { Viewer } from '@kenshu/domain';
import type { Config } from './config.ts';

/** The signed-in person plus the sign-in session they came with. */
export interface SignedInViewer extends Viewer {
  sessionId: string;
  csrfToken: string;
}

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    database: Database;
    config: Config;
    viewer: SignedInViewer | null;
  };
}

/** What a use-case service receives: database, clock, who is asking, and the request id for audit. */
export interface ServiceContext {
  db: Database['db'];
  now: Date;
  viewer: SignedInViewer | null;
  requestId: string;
  config: Config;
}
