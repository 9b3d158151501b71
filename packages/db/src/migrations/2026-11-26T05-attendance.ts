import { sql, type Kysely } from 'kysely';

// Frozen: attendance marks, self check-in and completion withdrawals, as of this date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('training_session')
    .addColumn('finalised_at', 'timestamptz')
    .addColumn('finalised_by', 'integer', (c) => c.references('staff.id'))
    // Seed of the rotating self check-in code; made on first use, never sent to a browser.
    .addColumn('check_in_secret', 'text')
    .execute();

  // One row per person marked on a session. No row means "not marked yet".
  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_session.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('booking_id', 'integer', (c) => c.references('booking.id'))
    .addColumn('mark', 'text', (c) =>
      c.notNull().check(sql`mark in ('present', 'late', 'absent', 'excused')`),
    )
    .addColumn('note', 'text')
    // Came without a booking; allowed even when the session was full (they are in the room).
    .addColumn('is_walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('via', 'text', (c) =>
      c.notNull().check(sql`via in ('trainer', 'check_in', 'no_show', 'admin')`),
    )
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('marked_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('marked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('attendance_staff_idx').on('attendance').column('staff_id').execute();

  // A correction after the fact ("was not actually there") withdraws a completion by appending
  // a withdrawal that points at it; completion rows themselves are never edited.
  await sql`alter table completion drop constraint completion_kind_check`.execute(db);
  await sql`alter table completion add constraint completion_kind_check check (kind in ('attended', 'e_learning', 'credited', 'withdrawn'))`.execute(
    db,
  );
  await db.schema
    .alterTable('completion')
    .addColumn('withdraws_completion_id', 'integer', (c) => c.references('completion.id').unique())
    .execute();
  await sql`alter table completion add constraint completion_withdrawal_points_back check ((kind = 'withdrawn') = (withdraws_completion_id is not null))`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table completion drop constraint completion_withdrawal_points_back`.execute(db);
  await db.schema.alterTable('completion').dropColumn('withdraws_completion_id').execute();
  await sql`alter table completion drop constraint completion_kind_check`.execute(db);
  await sql`alter table completion add constraint completion_kind_check check (kind in ('attended', 'e_learning', 'credited'))`.execute(
    db,
  );
  await db.schema.dropTable('attendance').execute();
  await db.schema
    .alterTable('training_session')
    .dropColumn('finalised_at')
    .dropColumn('finalised_by')
    .dropColumn('check_in_secret')
    .execute();
}
