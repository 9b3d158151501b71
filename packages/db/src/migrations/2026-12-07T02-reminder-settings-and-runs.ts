import { sql, type Kysely } from 'kysely';

// Frozen: admins' reminder settings and the record of each day's reminder run, as of this date.
// Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // One row: the per-person cap and the Tokyo hours scheduled reminders go out in. Null columns
  // follow the instance's configuration (KENSHU_REMINDER_CAP_DAYS, KENSHU_REMINDER_HOURS).
  await db.schema
    .createTable('reminder_setting')
    .addColumn('id', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('cap_days', 'integer', (c) => c.check(sql`cap_days between 1 and 60`))
    .addColumn('hours_from', 'text', (c) =>
      c.check(sql`hours_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('hours_until', 'text', (c) =>
      c.check(sql`hours_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'`),
    )
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'reminder_setting_hours',
      sql`(hours_from is null) = (hours_until is null) and (hours_from is null or hours_from < hours_until)`,
    )
    .execute();
  await sql`insert into reminder_setting (id) values (true)`.execute(db);

  // The day's reminder run, written in the same transaction as its messages: a day is decided
  // once, whichever instance or retry gets there first.
  await db.schema
    .createTable('reminder_run')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('ran_at', 'timestamptz', (c) => c.notNull())
    .addColumn('digests', 'integer', (c) => c.notNull())
    .addColumn('escalations', 'integer', (c) => c.notNull())
    .addColumn('capped', 'integer', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_run').execute();
  await db.schema.dropTable('reminder_setting').execute();
}
