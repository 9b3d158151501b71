import { sql, type Kysely } from 'kysely';

// Frozen: courses, group sessions, bookings with a waitlist, completions and notifications,
// as of this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('course')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    // {"kind": "all_staff" | "section_heads" | "pjmo_members" | "rule", ...rule fields}
    .addColumn('audience', 'jsonb', (c) => c.notNull())
    .addColumn('completion_modes', 'text', (c) =>
      c.notNull().check(sql`completion_modes in ('group_session', 'e_learning', 'either')`),
    )
    .addColumn('recurrence', 'text', (c) =>
      c
        .notNull()
        .defaultTo('yearly')
        .check(sql`recurrence in ('yearly')`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('online_url', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Seats held by confirmed bookings, kept in step inside the booking transaction: the
    // check constraint below makes overbooking impossible even if a code path forgets a lock.
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('booking_opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('booking_cutoff_at', 'timestamptz', (c) => c.notNull())
    .addColumn('min_attendance', 'integer')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('training_session_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint('training_session_capacity_positive', sql`capacity > 0`)
    .addCheckConstraint(
      'training_session_never_overbooked',
      sql`seats_taken between 0 and capacity`,
    )
    .addCheckConstraint(
      'training_session_cancel_reason',
      sql`status <> 'cancelled' or cancel_reason is not null`,
    )
    .execute();
  await db.schema
    .createIndex('training_session_course_year_idx')
    .on('training_session')
    .columns(['course_id', 'fiscal_year', 'starts_at'])
    .execute();

  await db.schema
    .createTable('session_trainer')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_session.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addPrimaryKeyConstraint('session_trainer_pk', ['session_id', 'staff_id'])
    .execute();
  await db.schema
    .createIndex('session_trainer_staff_idx')
    .on('session_trainer')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('booking')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Stable across moves and changes, for calendar apps (iCalendar UID).
    .addColumn('uid', 'uuid', (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`gen_random_uuid()`),
    )
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_session.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`),
    )
    // Waitlist order: first come, first served.
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('booked_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('cancel_reason', 'text')
    // iCalendar SEQUENCE: raised on every change a calendar should pick up.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // At most one seat per person, course and fiscal year…
  await sql`create unique index booking_one_seat_per_course_year on booking (staff_id, course_id, fiscal_year) where status = 'confirmed'`.execute(
    db,
  );
  // …and at most one live entry per person on a session.
  await sql`create unique index booking_one_entry_per_session on booking (staff_id, session_id) where status <> 'cancelled'`.execute(
    db,
  );
  await sql`create index booking_waitlist_idx on booking (session_id, queued_at, id) where status = 'waitlisted'`.execute(
    db,
  );
  await sql`create index booking_session_idx on booking (session_id, status)`.execute(db);

  await db.schema
    .createTable('booking_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('booking_id', 'integer', (c) => c.notNull().references('booking.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('details', 'jsonb')
    .execute();
  await db.schema
    .createIndex('booking_event_booking_idx')
    .on('booking_event')
    .column('booking_id')
    .execute();

  // What counts toward a requirement: recorded once, never edited.
  await db.schema
    .createTable('completion')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('attended', 'e_learning', 'credited')`),
    )
    .addColumn('session_id', 'integer', (c) => c.references('training_session.id'))
    .addColumn('source_ref', 'text')
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'completion_credit_has_reason',
      sql`kind <> 'credited' or reason is not null`,
    )
    .execute();
  await db.schema
    .createIndex('completion_staff_year_idx')
    .on('completion')
    .columns(['staff_id', 'fiscal_year', 'course_id'])
    .execute();
  await db.schema
    .createIndex('completion_course_year_idx')
    .on('completion')
    .columns(['course_id', 'fiscal_year'])
    .execute();
  await sql`
    create function completion_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'completion rows cannot be changed or deleted';
    end $$`.execute(db);
  await sql`
    create trigger completion_append_only before update or delete on completion
    for each row execute function completion_is_append_only()`.execute(db);

  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notification_staff_idx')
    .on('notification')
    .columns(['staff_id', 'created_at'])
    .execute();

  // A private calendar feed per person; only the token's hash is kept.
  await db.schema
    .createTable('calendar_feed')
    .addColumn('staff_id', 'integer', (c) => c.primaryKey().references('staff.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'calendar_feed',
    'notification',
    'completion',
    'booking_event',
    'booking',
    'session_trainer',
    'training_session',
    'course',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await sql`drop function if exists completion_is_append_only`.execute(db);
}
