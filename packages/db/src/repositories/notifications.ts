import type { Executor } from '../connection.ts';

export async function notify(
  db: Executor,
  items: { staff_id: number; kind: string; payload: Record<string, unknown> }[],
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('notification')
    .values(items.map((i) => ({ ...i, payload: JSON.stringify(i.payload) })))
    .execute();
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
