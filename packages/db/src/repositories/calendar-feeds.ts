import type { Executor } from '../connection.ts';

export async function replaceCalendarFeed(
  db: Executor,
  staffId: number,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto('calendar_feed')
    .values({ staff_id: staffId, token_hash: tokenHash })
    .onConflict((oc) =>
      oc.column('staff_id').doUpdateSet({ token_hash: tokenHash, created_at: new Date() }),
    )
    .execute();
}

export async function deleteCalendarFeed(db: Executor, staffId: number): Promise<void> {
  await db.deleteFrom('calendar_feed').where('staff_id', '=', staffId).execute();
}

export async function findCalendarFeed(db: Executor, tokenHash: string) {
  return db
    .selectFrom('calendar_feed')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function hasCalendarFeed(db: Executor, staffId: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('calendar_feed')
      .select('staff_id')
      .where('staff_id', '=', staffId)
      .executeTakeFirst()) !== undefined
  );
}
