import { sql, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { Booking, BookingStatus, DB } from '../schema.ts';

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

/** 1-based place in the waitlist of a waiting booking. */
export async function waitlistPosition(db: Executor, booking: Booking): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('session_id', '=', booking.session_id)
    .where('status', '=', 'waitlisted')
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', booking.queued_at),
        eb.and([eb('queued_at', '=', booking.queued_at), eb('id', '<', booking.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.ahead + 1;
}

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

/** Everyone on a session's roster (including cancelled entries) with their unit and history. */
export async function sessionRoster(db: Executor, sessionId: number) {
  const bookings = await db
    .selectFrom('booking as b')
    .innerJoin('staff as s', 's.id', 'b.staff_id')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .selectAll('b')
    .select([
      's.staff_number',
      's.family_name',
      's.given_name',
      's.family_name_kana',
      's.given_name_kana',
      'u.name_ja as unit_name_ja',
      'u.name_en as unit_name_en',
    ])
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
 * A session's roster is final: its seats become history (they no longer hold the person's place
 * for the course) and its waitlist places end, since they can never turn into seats. Returns the
 * waitlist places ended.
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
