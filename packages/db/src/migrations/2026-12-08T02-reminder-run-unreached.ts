import type { Kysely } from 'kysely';

// Frozen: who a day's reminder run could not reach, as of this date. Imports no app code.
//
// A run records how many people escalated had no section head or officer above them to tell,
// and how many it told only in the app for want of an e-mail address, so admins see them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('reminder_run')
    .addColumn('nobody_to_tell', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('reminder_run')
    .addColumn('no_address', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reminder_run').dropColumn('no_address').execute();
  await db.schema.alterTable('reminder_run').dropColumn('nobody_to_tell').execute();
}
