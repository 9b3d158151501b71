import { sql, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB } from '../schema.ts';

/**
 * Issues a new link for a person and revokes every unused one they had, under a lock on the
 * person's row so two admins issuing at once cannot both leave a live link (the partial unique
 * index password_token_one_live_idx would refuse the second). Returns how many were revoked.
 */
export async function replacePasswordToken(
  trx: Transaction<DB>,
  row: { token_hash: string; staff_id: number; created_by: number | null; expires_at: Date },
  now: Date,
): Promise<number> {
  await sql`select id from staff where id = ${row.staff_id} for no key update`.execute(trx);
  const revoked = await revokePasswordTokensOf(trx, row.staff_id, now);
  await trx
    .insertInto('password_token')
    .values({ ...row, created_at: now })
    .execute();
  return revoked;
}

/** Revokes a person's unused links (all of them, or all but `keepId`). Returns how many. */
export async function revokePasswordTokensOf(
  db: Executor,
  staffId: number,
  now: Date,
  keepId?: number,
): Promise<number> {
  let q = db
    .updateTable('password_token')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null);
  if (keepId !== undefined) q = q.where('id', '<>', keepId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}

/** Whether a token would work now: unused, unrevoked and unexpired. Read without locking. */
export async function isUsablePasswordToken(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('password_token')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims an unused, unrevoked, unexpired token in one conditional update, so two requests racing
 * with the same link cannot both use it. Returns the link and the person it was for, or undefined.
 */
export async function claimPasswordToken(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ id: number; staff_id: number } | undefined> {
  return db
    .updateTable('password_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'staff_id'])
    .executeTakeFirst();
}

/**
 * One new link each for many people at once (an invitation run), revoking their unused ones,
 * under locks on their rows in id order as replacePasswordToken takes them. Returns how many
 * earlier links were revoked.
 */
export async function replacePasswordTokens(
  trx: Transaction<DB>,
  rows: readonly {
    token_hash: string;
    staff_id: number;
    created_by: number | null;
    expires_at: Date;
  }[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.staff_id);
  await trx
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  const revoked = await trx
    .updateTable('password_token')
    .set({ revoked_at: now })
    .where('staff_id', 'in', ids)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await trx
    .insertInto('password_token')
    .values(rows.map((r) => ({ ...r, created_at: now })))
    .execute();
  return Number(revoked.numUpdatedRows ?? 0);
}
