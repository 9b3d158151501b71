import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { Executor } from '../connection.ts';
import type { Booking, DB, TrainingSession, TrainingSessionTable } from '../schema.ts';
import { escapeLike } from './like.ts';

export async function insertTrainingSessions(
  db: Executor,
  rows: Insertable<TrainingSessionTable>[],
): Promise<TrainingSession[]> {
  if (rows.length === 0) return [];
  return db.insertInto('training_session').values(rows).returningAll().execute();
}

export async function setSessionTrainers(
  db: Executor,
  sessionId: number,
  staffIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('session_trainer').where('session_id', '=', sessionId).execute();
  if (staffIds.length === 0) return;
  await db
    .insertInto('session_trainer')
    .values([...new Set(staffIds)].map((staff_id) => ({ session_id: sessionId, staff_id })))
    .execute();
}

export async function findTrainingSession(
  db: Executor,
  id: number,
): Promise<TrainingSession | undefined> {
  return db.selectFrom('training_session').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sessions with their course's titles, as messages about them name them (unknown ids left out). */
export async function sessionsWithCourseTitles(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.venue',
      's.online_url',
      'c.title_ja',
      'c.title_en',
    ])
    .where('s.id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Locks sessions for the rest of the transaction, in id order so two transactions that lock the
 * same pair (a move each way) cannot deadlock. Every seat change goes through this lock.
 */
export async function lockTrainingSessions(
  trx: Transaction<DB>,
  ids: readonly number[],
): Promise<Map<number, TrainingSession>> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const rows = await trx
    .selectFrom('training_session')
    .selectAll()
    .where('id', 'in', sorted)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function updateTrainingSession(
  db: Executor,
  id: number,
  patch: Updateable<TrainingSessionTable>,
): Promise<TrainingSession> {
  return db
    .updateTable('training_session')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds (or with a negative delta, frees) seats; the table's check constraint refuses overbooking. */
export async function changeSeatsTaken(
  trx: Transaction<DB>,
  sessionId: number,
  delta: number,
): Promise<void> {
  if (delta === 0) return;
  await trx
    .updateTable('training_session')
    .set({ seats_taken: sql`seats_taken + ${delta}`, updated_at: new Date() })
    .where('id', '=', sessionId)
    .execute();
}

export async function trainersOf(db: Executor, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('session_trainer')
    .innerJoin('staff', 'staff.id', 'session_trainer.staff_id')
    .select(['session_trainer.session_id', 'staff.id', 'staff.family_name', 'staff.given_name'])
    .where('session_trainer.session_id', 'in', sessionIds)
    .execute();
}

/** A person's places (seats or waitlist) on these sessions, so a list can show "you are booked". */
export async function placesOfPersonOn(
  db: Executor,
  staffId: number,
  sessionIds: readonly number[],
): Promise<Booking[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('booking')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('session_id', 'in', sessionIds)
    .where('status', '<>', 'cancelled')
    .execute();
}

export async function isTrainerOf(
  db: Executor,
  sessionId: number,
  staffId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('session_trainer')
    .select('staff_id')
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SessionQuery {
  ids?: readonly number[] | undefined;
  fiscalYear?: number | undefined;
  courseIds?: readonly number[] | undefined;
  /** Start of the month (inclusive) and of the next month, as instants. */
  from?: Date | undefined;
  to?: Date | undefined;
  venue?: string | undefined;
  withSeatsOnly?: boolean | undefined;
  includeCancelled?: boolean | undefined;
  trainerStaffId?: number | undefined;
}

/** Sessions with their course and how many are waiting, soonest first. */
export async function searchTrainingSessions(db: Executor, q: SessionQuery) {
  let query = db
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .selectAll('s')
    .select([
      'c.code as course_code',
      'c.title_ja as course_title_ja',
      'c.title_en as course_title_en',
      (eb) =>
        eb
          .selectFrom('booking as b')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('b.session_id', '=', 's.id')
          .where('b.status', '=', 'waitlisted')
          .as('waiting_count'),
    ])
    .orderBy('s.starts_at')
    .orderBy('s.id');
  if (q.ids) {
    if (q.ids.length === 0) return [];
    query = query.where('s.id', 'in', q.ids);
  }
  if (q.fiscalYear !== undefined) query = query.where('s.fiscal_year', '=', q.fiscalYear);
  if (q.courseIds) {
    if (q.courseIds.length === 0) return [];
    query = query.where('s.course_id', 'in', q.courseIds);
  }
  if (q.from) query = query.where('s.starts_at', '>=', q.from);
  if (q.to) query = query.where('s.starts_at', '<', q.to);
  if (q.venue) query = query.where('s.venue', 'ilike', `%${escapeLike(q.venue)}%`);
  if (q.withSeatsOnly) query = query.whereRef('s.seats_taken', '<', 's.capacity');
  if (!q.includeCancelled) query = query.where('s.status', '=', 'scheduled');
  if (q.trainerStaffId !== undefined) {
    const trainerId = q.trainerStaffId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('session_trainer as t')
          .select('t.staff_id')
          .whereRef('t.session_id', '=', 's.id')
          .where('t.staff_id', '=', trainerId),
      ),
    );
  }
  return query.limit(1000).execute();
}

/** Sessions still on (not cancelled) with a venue, whose times meet [startsAt, endsAt). */
export async function sessionsWithVenueBetween(
  db: Executor,
  range: { startsAt: Date; endsAt: Date; excludeId?: number | undefined },
) {
  let query = db
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.venue',
      'c.code as course_code',
      'c.title_ja as course_title_ja',
      'c.title_en as course_title_en',
    ])
    .where('s.status', '=', 'scheduled')
    .where('s.venue', 'is not', null)
    .where('s.starts_at', '<', range.endsAt)
    .where('s.ends_at', '>', range.startsAt)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(50);
  if (range.excludeId !== undefined) query = query.where('s.id', '<>', range.excludeId);
  return query.execute();
}
