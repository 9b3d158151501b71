import { sql } from 'kysely';
import type { Executor } from '../connection.ts';

/**
 * Adds in-app notices, stamped with the caller's clock, as one statement whatever their number
 * (one JSON parameter: PostgreSQL takes at most 65,535 parameters per statement).
 */
export async function notifyMany(
  db: Executor,
  items: readonly { staff_id: number; kind: string; payload: object }[],
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  await sql`
    insert into notification (staff_id, kind, payload, created_at)
    select staff_id, kind, payload, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
      as n(staff_id integer, kind text, payload jsonb)`.execute(db);
}

export async function listNotifications(db: Executor, staffId: number, limit = 50) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function markNotificationRead(
  db: Executor,
  staffId: number,
  id: number,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  // PGlite leaves numUpdatedRows unset when nothing changed.
  return Number(res.numUpdatedRows ?? 0) > 0;
}
