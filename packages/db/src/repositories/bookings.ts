import { sql, type Transaction } from 'kysely';
import { preparedStatement, type Executor } from '../connection.ts';
import type { Booking, BookingStatus, DB, Locale, Role } from '../schema.ts';
import { outboxRows, outboxWrites, type NewMail } from './mail-outbox.ts';
import { PERSON_ON_LIST_COLUMNS } from './staff.ts';

export async function insertBooking(
  trx: Transaction<DB>,
  row: {
    session_id: number;
    course_id: number;
    fiscal_year: number;
    staff_id: number;
    status: Exclude<BookingStatus, 'cancelled'>;
    booked_by: number;
  },
): Promise<Booking> {
  return trx.insertInto('booking').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Everything booking a seat reads before it takes the seat lock, in one round trip: the session
 * with its course, the person with their unit and granted roles, whether they completed the
 * course this fiscal year already, their e-mail opt-outs, the admins' words for `messageKinds`,
 * and a booking id reserved for the new booking (its e-mail names it). Undefined when the
 * session or the person does not exist. Prepared: every booking runs it.
 */
export async function bookingPrelude(
  db: Executor,
  sessionId: number,
  staffId: number,
  messageKinds: readonly string[],
) {
  const { rows } = await preludeStatement(db, {
    sessionId,
    staffId,
    messageKinds: JSON.stringify(messageKinds),
  });
  return rows[0];
}

const preludeStatement = preparedStatement(
  'booking_prelude',
  (db, v: { sessionId: number; staffId: number; messageKinds: string }) =>
    db
      .selectFrom('training_session as s')
      .innerJoin('course as c', 'c.id', 's.course_id')
      .innerJoin('staff as p', (join) => join.on('p.id', '=', v.staffId))
      .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
      .selectAll('s')
      .select([
        'c.code as course_code',
        'c.title_ja as course_title_ja',
        'c.title_en as course_title_en',
        'c.description_ja as course_description_ja',
        'c.description_en as course_description_en',
        'c.audience as course_audience',
        'c.active as course_active',
        'c.published_at as course_published_at',
        'p.family_name',
        'p.given_name',
        'p.email',
        'p.locale',
        'p.active as person_active',
        'p.employment_type',
        'p.is_section_head',
        'p.is_unit_security_officer',
        'p.is_system_security_officer',
        'p.is_pjmo_member',
        'u.path as unit_path',
        sql<Role[]>`coalesce(
          (select jsonb_agg(g.role) from role_grant g where g.staff_id = p.id), '[]')`.as(
          'granted_roles',
        ),
        sql<string[]>`coalesce(
          (select jsonb_agg(o.kind) from mail_opt_out o where o.staff_id = p.id), '[]')`.as(
          'opted_out_kinds',
        ),
        sql<{ kind: string; locale: Locale; subject: string; body: string }[]>`coalesce(
          (select jsonb_agg(jsonb_build_object(
             'kind', t.kind, 'locale', t.locale, 'subject', t.subject, 'body', t.body))
           from message_template t
           where t.kind in (select jsonb_array_elements_text(${v.messageKinds}::jsonb))),
          '[]')`.as('templates'),
        // Withdrawn completions and the ones they withdraw do not count (see completionsOf).
        sql<boolean>`exists (
          select 1 from completion k
          where k.staff_id = p.id and k.course_id = s.course_id and k.fiscal_year = s.fiscal_year
            and k.kind <> 'withdrawn'
            and not exists (select 1 from completion w where w.withdraws_completion_id = k.id))`.as(
          'completed',
        ),
        sql<number>`nextval(pg_get_serial_sequence('booking', 'id'))::integer`.as('booking_id'),
      ])
      .where('s.id', '=', v.sessionId)
      .compile(),
);

/**
 * Books a seat, or a waitlist place when the session is full, in one statement that takes the
 * session's row lock itself and holds it only while the database runs it (no round trip to the
 * app in between): unless the session is closed for booking at `at`, or the person already
 * holds a live seat for the course or an entry on this session, it writes the booking, its
 * history event, the seat, the end of the person's other waits for the course when it is a seat,
 * and the e-mail for that outcome (`mails.seat` or `mails.wait`) with its in-app notice. The two
 * unique indexes on booking back the person checks against a racing request of the same person.
 * Returns the booking (undefined when refused), whether the session was open for booking, and
 * the person's live entries for the course as they were. (Its waitlist place is read afterwards:
 * this statement's snapshot predates the lock, so it may miss waits that committed meanwhile.)
 * Prepared: planning it afresh cost more than running it.
 */
export async function bookSeatOrWait(
  db: Executor,
  row: BookingToWrite,
  mails: { seat: NewMail; wait: NewMail },
  at: Date,
): Promise<{
  booking: Booking | undefined;
  bookable: boolean;
  live: Pick<Booking, 'id' | 'session_id' | 'status'>[];
}> {
  const { rows } = await bookStatement(db, {
    ...row,
    at,
    mails: outboxRows([mails.seat, mails.wait]),
    seat_kind: mails.seat.kind,
  });
  const [result] = rows;
  if (!result) throw new Error('booking statement returned no row');
  const { bookable, live, ...booking } = result;
  return { booking: booking.id === null ? undefined : (booking as Booking), bookable, live };
}

interface BookingToWrite {
  id: number;
  uid: string;
  session_id: number;
  course_id: number;
  fiscal_year: number;
  staff_id: number;
  booked_by: number;
}

const bookStatement = preparedStatement(
  'book_seat_or_wait',
  (db, v: BookingToWrite & { at: Date; mails: string; seat_kind: string }) => {
    const row = v;
    const { at } = v;
    return sql<
      { [K in keyof Booking]: Booking[K] | null } & {
        bookable: boolean;
        live: Pick<Booking, 'id' | 'session_id' | 'status'>[];
      }
    >`
    with s as (
      -- The same window as assertBookable, read from the locked (latest) row.
      select id, seats_taken, capacity from training_session
      where id = ${row.session_id} and status = 'scheduled' and booking_opens_at <= ${at}
        and booking_cutoff_at > ${at} and starts_at > ${at}
      for update
    ), live as (
      select id, session_id, status from booking
      where staff_id = ${row.staff_id} and course_id = ${row.course_id}
        and fiscal_year = ${row.fiscal_year} and status <> 'cancelled' and closed_at is null
    ), b as (
      insert into booking (id, uid, session_id, course_id, fiscal_year, staff_id, status, booked_by)
      overriding system value
      -- placeFor's rule, on the locked row.
      select ${row.id}::integer, ${row.uid}::uuid, s.id, ${row.course_id}::integer,
             ${row.fiscal_year}::integer, ${row.staff_id}::integer,
             case when s.seats_taken < s.capacity then 'confirmed' else 'waitlisted' end,
             ${row.booked_by}::integer
      from s
      where not exists (
        select 1 from live where status = 'confirmed' or session_id = ${row.session_id})
      returning *
    ), event as (
      insert into booking_event (booking_id, action, actor_staff_id)
      select id, case when status = 'confirmed' then 'booked' else 'waitlisted' end,
             ${row.booked_by}::integer
      from b
    ), seat as (
      update training_session t set seats_taken = t.seats_taken + 1, updated_at = ${at}
      from b where t.id = b.session_id and b.status = 'confirmed'
    ), dropped as (
      -- A seat ends the person's other waits for this course (as dropWaits does).
      update booking set status = 'cancelled', cancelled_at = ${at},
        cancelled_by = ${row.booked_by}, cancel_reason = 'wait_dropped',
        sequence = sequence + 1, updated_at = ${at}
      where id in (select id from live where status = 'waitlisted')
        and exists (select 1 from b where status = 'confirmed')
      returning id
    ), dropped_event as (
      insert into booking_event (booking_id, action, actor_staff_id)
      select id, 'wait_dropped', ${row.booked_by}::integer from dropped
    ), ${outboxWrites(
      v.mails,
      sql`exists (select 1 from b where (b.status = 'confirmed') = (m.kind = ${v.seat_kind}))`,
    )}
    select b.*, exists (select 1 from s) as bookable,
      (select coalesce(jsonb_agg(jsonb_build_object(
         'id', id, 'session_id', session_id, 'status', status) order by id), '[]')
       from live) as live
    from (select 1) as one left join b on true`.compile(db);
  },
);

export async function findBooking(db: Executor, id: number): Promise<Booking | undefined> {
  return db.selectFrom('booking').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A person's live entries (seat or waitlist places) for a course in a fiscal year. A seat on a
 * finalised session is history, not a live entry.
 */
export async function liveEntriesFor(
  db: Executor,
  staffId: number,
  courseId: number,
  fiscalYear: number,
): Promise<Booking[]> {
  return db
    .selectFrom('booking')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('course_id', '=', courseId)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '<>', 'cancelled')
    .where('closed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The first `n` people waiting on a session, locked so two promotions cannot pick the same one. */
export async function firstWaiting(
  trx: Transaction<DB>,
  sessionId: number,
  n: number,
): Promise<Booking[]> {
  if (n <= 0) return [];
  return trx
    .selectFrom('booking')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(n)
    .forUpdate()
    .execute();
}

export async function countWaiting(db: Executor, sessionId: number): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * 1-based place in the waitlist of a waiting booking. The order is compared in the database:
 * `queued_at` has microseconds, a JavaScript Date only milliseconds, and bookings arrive faster.
 */
export async function waitlistPosition(db: Executor, booking: Booking): Promise<number> {
  const { rows } = await waitlistPositionStatement(db, {
    sessionId: booking.session_id,
    bookingId: booking.id,
  });
  return (rows[0]?.ahead ?? 0) + 1;
}

const waitlistPositionStatement = preparedStatement(
  'waitlist_position',
  (db, v: { sessionId: number; bookingId: number }) =>
    db
      .selectFrom('booking as w')
      .select((eb) => eb.fn.countAll<number>().as('ahead'))
      .where('w.session_id', '=', v.sessionId)
      .where('w.status', '=', 'waitlisted')
      .where(
        sql<boolean>`(w.queued_at, w.id) < (select b.queued_at, b.id from booking b where b.id = ${v.bookingId})`,
      )
      .compile(),
);

export async function confirmBooking(trx: Transaction<DB>, id: number): Promise<Booking> {
  return trx
    .updateTable('booking')
    .set({ status: 'confirmed', sequence: sql`sequence + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function cancelBookingRows(
  trx: Transaction<DB>,
  ids: readonly number[],
  by: { staffId: number | null; reason: string; at: Date },
): Promise<Booking[]> {
  if (ids.length === 0) return [];
  return trx
    .updateTable('booking')
    .set({
      status: 'cancelled',
      cancelled_at: by.at,
      cancelled_by: by.staffId,
      cancel_reason: by.reason,
      sequence: sql`sequence + 1`,
      updated_at: by.at,
    })
    .where('id', 'in', ids)
    .where('status', '<>', 'cancelled')
    .returningAll()
    .execute();
}

export async function liveBookingsOfSession(db: Executor, sessionId: number): Promise<Booking[]> {
  return db
    .selectFrom('booking')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '<>', 'cancelled')
    .execute();
}

export async function insertBookingEvents(
  db: Executor,
  events: {
    booking_id: number;
    action: string;
    actor_staff_id: number | null;
    details?: unknown;
  }[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('booking_event')
    .values(
      events.map((e) => ({
        ...e,
        details: e.details === undefined ? null : JSON.stringify(e.details),
      })),
    )
    .execute();
}

/**
 * A session's participants: everyone booked (including cancelled entries), with their unit and
 * history.
 */
export async function sessionParticipants(db: Executor, sessionId: number) {
  const bookings = await db
    .selectFrom('booking as b')
    .innerJoin('staff as s', 's.id', 'b.staff_id')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .selectAll('b')
    .select(PERSON_ON_LIST_COLUMNS)
    .where('b.session_id', '=', sessionId)
    .orderBy('b.status')
    .orderBy('b.queued_at')
    .orderBy('b.id')
    .execute();
  const ids = bookings.map((b) => b.id);
  const events = ids.length
    ? await db
        .selectFrom('booking_event')
        .selectAll()
        .where('booking_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return { bookings, events };
}

/**
 * A person's bookings for a fiscal year with their sessions and their attendance mark there, for
 * "My training" and calendars.
 */
export async function bookingsOfPerson(db: Executor, staffId: number, fiscalYear?: number) {
  let q = bookingsWithSessions(db).where('b.staff_id', '=', staffId).orderBy('s.starts_at');
  if (fiscalYear !== undefined) q = q.where('b.fiscal_year', '=', fiscalYear);
  return q.execute();
}

/** Bookings with their session and course, as calendars and messages describe them. */
export async function bookingsWithSessionsById(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return bookingsWithSessions(db).where('b.id', 'in', ids).orderBy('b.id').execute();
}

function bookingsWithSessions(db: Executor) {
  return db
    .selectFrom('booking as b')
    .innerJoin('training_session as s', 's.id', 'b.session_id')
    .innerJoin('course as c', 'c.id', 'b.course_id')
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.session_id', '=', 'b.session_id').onRef('a.staff_id', '=', 'b.staff_id'),
    )
    .selectAll('b')
    .select([
      's.starts_at',
      's.ends_at',
      's.venue',
      's.online_url',
      's.status as session_status',
      's.finalised_at as session_finalised_at',
      's.booking_cutoff_at',
      'a.mark',
      'c.code as course_code',
      'c.title_ja as course_title_ja',
      'c.title_en as course_title_en',
      'c.description_ja as course_description_ja',
      'c.description_en as course_description_en',
    ]);
}

/** Releases every live entry of a session (it was cancelled); returns who was on it. */
export async function releaseSessionBookings(
  trx: Transaction<DB>,
  sessionId: number,
  by: { staffId: number; at: Date },
): Promise<Pick<Booking, 'id' | 'staff_id' | 'status'>[]> {
  return trx
    .updateTable('booking')
    .set({
      status: 'cancelled',
      cancelled_at: by.at,
      cancelled_by: by.staffId,
      cancel_reason: 'session_cancelled',
      sequence: sql`sequence + 1`,
      updated_at: by.at,
    })
    .where('session_id', '=', sessionId)
    .where('status', '<>', 'cancelled')
    .returning(['id', 'staff_id', 'status'])
    .execute();
}

/** Raises the iCalendar SEQUENCE of a session's live bookings: calendar apps take the change. */
export async function bumpBookingSequences(db: Executor, sessionId: number): Promise<void> {
  await db
    .updateTable('booking')
    .set({ sequence: sql`sequence + 1` })
    .where('session_id', '=', sessionId)
    .where('status', '<>', 'cancelled')
    .execute();
}

/** Confirmed seats on a session held by these people. */
export async function confirmedSeatsOf(
  db: Executor,
  sessionId: number,
  staffIds: readonly number[],
) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('booking')
    .select(['id', 'staff_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'confirmed')
    .where('staff_id', 'in', staffIds)
    .execute();
}

/**
 * A session's attendance sheet is final: its seats become history (they no longer hold the person's
 * place for the course) and its waitlist places end, since they can never turn into seats. Returns
 * the waitlist places ended.
 */
export async function closeSessionBookings(
  trx: Transaction<DB>,
  sessionId: number,
  at: Date,
): Promise<Pick<Booking, 'id' | 'staff_id'>[]> {
  await trx
    .updateTable('booking')
    .set({ closed_at: at, updated_at: at })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'confirmed')
    .where('closed_at', 'is', null)
    .execute();
  return trx
    .updateTable('booking')
    .set({
      status: 'cancelled',
      cancelled_at: at,
      cancel_reason: 'session_held',
      sequence: sql`sequence + 1`,
      updated_at: at,
    })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .returning(['id', 'staff_id'])
    .execute();
}
