import { sql, type Kysely } from 'kysely';

// Frozen: self check-in hardening, as of this date. Imports no app code.
//
// Wrong typed codes are counted per person and session in the database (so every instance sees
// the same count), and a check-in from someone without a booking is a request the trainer
// accepts or rejects, no longer a walk-in mark.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_in_attempt')
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('training_session.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('wrong_codes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`wrong_codes >= 0`),
    )
    .addColumn('last_wrong_at', 'timestamptz')
    .addPrimaryKeyConstraint('check_in_attempt_pk', ['session_id', 'staff_id'])
    .execute();
  await db.schema
    .createTable('check_in_request')
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('training_session.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'accepted', 'rejected')`),
    )
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
    .addPrimaryKeyConstraint('check_in_request_pk', ['session_id', 'staff_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_in_request').execute();
  await db.schema.dropTable('check_in_attempt').execute();
}
