import { sql } from 'kysely';
import type { Executor } from '../connection.ts';

export async function findThrottles(db: Executor, keys: string[]) {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

/**
 * Counts one failed sign-in against a key, starting a new window when the old one has passed,
 * and locks the key once `lockAfter` failures fall in one window. One statement, so concurrent
 * failures all count.
 */
export async function recordSignInFailure(
  db: Executor,
  key: string,
  opts: { now: Date; windowMs: number; lockAfter: number; lockMs: number },
): Promise<{ failures: number; locked_until: Date | null }> {
  const windowStart = new Date(opts.now.getTime() - opts.windowMs);
  const lockUntil = new Date(opts.now.getTime() + opts.lockMs);
  return db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: opts.now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when sign_in_throttle.window_started_at < ${windowStart} then 1 else sign_in_throttle.failures + 1 end`,
        window_started_at: sql`case when sign_in_throttle.window_started_at < ${windowStart} then ${opts.now} else sign_in_throttle.window_started_at end`,
        locked_until: sql`case when sign_in_throttle.window_started_at >= ${windowStart} and sign_in_throttle.failures + 1 >= ${opts.lockAfter} then ${lockUntil} else sign_in_throttle.locked_until end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
