import { sql } from 'kysely';
import type { Executor } from '../connection.ts';

/** How many attempts a key may spend in one window, and how long it is locked once spent. */
export interface AttemptBudget {
  now: Date;
  windowMs: number;
  limit: number;
  lockMs: number;
}

/**
 * Reserves one attempt against a key ("account:…", "address:…") before the attempt is checked:
 * one conditional upsert, so concurrent attempts queue on the key's row and no more than `limit`
 * of them are ever let through in a window. A spent, locked or expired budget starts afresh once
 * its window or lock has passed. Returns false (nothing reserved) when the budget is spent.
 */
export async function reserveAttempt(
  db: Executor,
  key: string,
  budget: AttemptBudget,
): Promise<boolean> {
  const windowStart = new Date(budget.now.getTime() - budget.windowMs);
  const fresh = sql<boolean>`(sign_in_throttle.window_started_at < ${windowStart} or sign_in_throttle.locked_until <= ${budget.now})`;
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: budget.now, locked_until: null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql`case when ${fresh} then 1 else sign_in_throttle.failures + 1 end`,
          window_started_at: sql`case when ${fresh} then ${budget.now} else sign_in_throttle.window_started_at end`,
          locked_until: sql`case when ${fresh} then null else sign_in_throttle.locked_until end`,
        })
        .where(
          sql<boolean>`${fresh} or (sign_in_throttle.locked_until is null and sign_in_throttle.failures < ${budget.limit})`,
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Counts a reserved attempt as failed: it stays spent, and once the window's attempts reach the
 * limit the key is locked for `lockMs`. Returns the failures in the window so far.
 */
export async function recordFailedAttempt(
  db: Executor,
  key: string,
  budget: AttemptBudget,
): Promise<number> {
  const lockUntil = new Date(budget.now.getTime() + budget.lockMs);
  const row = await db
    .updateTable('sign_in_throttle')
    .set({
      locked_until: sql`case when failures >= ${budget.limit} then coalesce(locked_until, ${lockUntil}) else locked_until end`,
    })
    .where('key', '=', key)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures ?? 0;
}

/** Gives back a reserved attempt that succeeded, so successes never use up a budget. */
export async function releaseAttempt(db: Executor, key: string): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('key', '=', key)
    .execute();
}

/** When a key's budget is available again: the end of its lock, or of its window. */
export async function budgetAvailableAt(
  db: Executor,
  key: string,
  windowMs: number,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_throttle')
    .select(['locked_until', 'window_started_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.locked_until ?? new Date(row.window_started_at.getTime() + windowMs);
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
