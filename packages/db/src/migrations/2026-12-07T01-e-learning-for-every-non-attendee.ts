import { sql, type Kysely } from 'kysely';

// Frozen: e-learning for everyone who did not attend, as of this date. Imports no app code.
//
// The source report requires the e-learning of everyone who missed the group session. Excused
// people were left to the nightly job; now they are assigned at finalise like the absent, unless
// the course says otherwise, and an admin can assign a course's e-learning to everyone still
// without it at once ("assign now").
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('course')
    .addColumn('excused_get_e_learning', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await sql`alter table assignment drop constraint assignment_source_check`.execute(db);
  await sql`alter table assignment add constraint assignment_source_check check (source in ('absent', 'excused', 'window_closed', 'no_group_access', 'manual', 'assigned_now'))`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table assignment drop constraint assignment_source_check`.execute(db);
  await sql`alter table assignment add constraint assignment_source_check check (source in ('absent', 'window_closed', 'no_group_access', 'manual'))`.execute(
    db,
  );
  await db.schema.alterTable('course').dropColumn('excused_get_e_learning').execute();
}
