import type { Context } from 'hono';
import type { AppEnv, ServiceContext } from '../context.ts';

/** The context a route hands to a service: the database and the time of the request. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  return { db: c.var.database.db, now: new Date() };
}
