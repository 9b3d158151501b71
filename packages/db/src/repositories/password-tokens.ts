import type { Executor } from '../connection.ts';

export async function insertPasswordToken(
  db: Executor,
  row: { token_hash: string; staff_id: number; created_by: number | null; expires_at: Date },
): Promise<void> {
  await db.insertInto('password_token').values(row).execute();
}

/**
 * Claims an unused, unexpired token in one conditional update, so two requests racing with the
 * same link cannot both use it. Returns the person it was for, or undefined.
 */
export async function claimPasswordToken(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ staff_id: number } | undefined> {
  return db
    .updateTable('password_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('staff_id')
    .executeTakeFirst();
}
