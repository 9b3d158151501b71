import { sql, type Kysely } from 'kysely';

// Frozen: a booking on a finalised session becomes history, as of this date. Imports no app code.
//
// A seat on a session whose roster is final is a record of who was expected, not a plan: it no
// longer counts as "the" seat for the course and year, so whoever missed the session can book
// another one, while two live seats stay impossible.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // When the booking became history: its session's roster was finalised.
  await db.schema.alterTable('booking').addColumn('closed_at', 'timestamptz').execute();

  // Waitlist places on a session that has been held can never turn into seats: end them.
  await sql`
    update booking b set status = 'cancelled', cancelled_at = s.finalised_at,
      cancel_reason = 'session_held', sequence = b.sequence + 1, updated_at = s.finalised_at
    from training_session s
    where s.id = b.session_id and s.finalised_at is not null and b.status = 'waitlisted'`.execute(
    db,
  );
  await sql`
    update booking b set closed_at = s.finalised_at
    from training_session s
    where s.id = b.session_id and s.finalised_at is not null and b.status = 'confirmed'`.execute(
    db,
  );
  await sql`alter table booking add constraint booking_history_is_a_seat check (closed_at is null or status = 'confirmed')`.execute(
    db,
  );

  // One live seat per person, course and year; seats that became history do not count.
  await sql`drop index booking_one_seat_per_course_year`.execute(db);
  await sql`create unique index booking_one_live_seat_per_course_year on booking (staff_id, course_id, fiscal_year) where status = 'confirmed' and closed_at is null`.execute(
    db,
  );

  // History is never rewritten: a closed booking cannot be moved, cancelled, reopened or deleted.
  await sql`
    create function booking_history_is_final() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'booking % is history and cannot be deleted', old.id;
      end if;
      if new.closed_at is distinct from old.closed_at or new.status <> old.status
        or new.session_id <> old.session_id or new.staff_id <> old.staff_id
        or new.course_id <> old.course_id or new.fiscal_year <> old.fiscal_year then
        raise exception 'booking % is history and cannot be changed', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger booking_history_final before update or delete on booking
    for each row when (old.closed_at is not null) execute function booking_history_is_final()`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger booking_history_final on booking`.execute(db);
  await sql`drop function booking_history_is_final`.execute(db);
  await sql`drop index booking_one_live_seat_per_course_year`.execute(db);
  await sql`create unique index booking_one_seat_per_course_year on booking (staff_id, course_id, fiscal_year) where status = 'confirmed'`.execute(
    db,
  );
  await sql`alter table booking drop constraint booking_history_is_a_seat`.execute(db);
  await db.schema.alterTable('booking').dropColumn('closed_at').execute();
}
