import { sql, type Kysely } from 'kysely';

// Frozen: the e-mail outbox, admins' wording of each kind of message, e-mail opt-outs, and the
// reminder schedule with each person's progress through it, as of this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // Every e-mail the product decides to send, written in the same transaction as the change that
  // causes it. (staff_id, reason, period) is unique: a retry, a crash or a second instance cannot
  // decide the same message twice.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    // The address and language at the time of the decision; '' when the person has none.
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('ja', 'en')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // iCalendar parts: [{ "method": "REQUEST" | "CANCEL", "ics": "BEGIN:VCALENDAR…" }].
    .addColumn('calendar', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'sending', 'sent', 'failed', 'no_address', 'opted_out')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // While 'sending': the worker that claimed it has until then to mark it sent.
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('mail_outbox_once', ['staff_id', 'reason', 'period'])
    .addCheckConstraint('mail_outbox_sent_at', sql`(status = 'sent') = (sent_at is not null)`)
    .execute();
  // What the worker claims next: only rows still to deliver, by when they are due.
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('queued', 'sending')`.execute(
    db,
  );
  await db.schema
    .createIndex('mail_outbox_person')
    .on('mail_outbox')
    .columns(['staff_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_status_created')
    .on('mail_outbox')
    .columns(['status', 'created_at'])
    .execute();

  // Admins' own words for a kind of message in one language; the catalogue's when absent.
  await db.schema
    .createTable('message_template')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('ja', 'en')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('message_template_pk', ['kind', 'locale'])
    .execute();

  // E-mail copies a person turned off (only kinds about their own actions may be).
  await db.schema
    .createTable('mail_opt_out')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mail_opt_out_pk', ['staff_id', 'kind'])
    .execute();

  // A course's reminder schedule; a course without a row follows the defaults.
  await db.schema
    .createTable('reminder_schedule')
    .addColumn('course_id', 'integer', (c) => c.primaryKey().references('course.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    // Days before the due date on which to remind, e.g. {14,3}.
    .addColumn('days_before', sql`integer[]`, (c) => c.notNull())
    .addColumn('on_due_date', 'boolean', (c) => c.notNull())
    .addColumn('overdue_every_days', 'integer', (c) =>
      c.notNull().check(sql`overdue_every_days between 1 and 365`),
    )
    // After this many overdue reminders the section head hears of it…
    .addColumn('escalate_after', 'integer', (c) =>
      c.notNull().check(sql`escalate_after between 1 and 50`),
    )
    // …and after this many the unit security officer.
    .addColumn('officer_after', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'reminder_schedule_officer_after',
      sql`officer_after > escalate_after and officer_after <= 50`,
    )
    .addCheckConstraint(
      'reminder_schedule_days_before',
      sql`cardinality(days_before) <= 10 and 0 < all(days_before) and 366 > all(days_before)`,
    )
    .execute();

  // Where each person is in the schedule of one obligation: the last reminder stage they were
  // sent, how many overdue reminders they have had, and who has been told about them.
  await db.schema
    .createTable('reminder_progress')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('last_stage', 'text', (c) => c.notNull())
    .addColumn('last_reminded_on', 'date', (c) => c.notNull())
    .addColumn('overdue_reminders', 'integer', (c) => c.notNull().defaultTo(0))
    // 0: nobody else told; 1: the section head; 2: the unit security officer too.
    .addColumn('escalation', 'smallint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`escalation between 0 and 2`),
    )
    .addPrimaryKeyConstraint('reminder_progress_pk', ['staff_id', 'course_id', 'fiscal_year'])
    .execute();
}
