import { defaultBookingCutoff, fiscalYearOf, fiscalYearRange } from '@kenshu/domain';
import { sql, type Transaction } from 'kysely';
import { insertTrainingSessions, setSessionTrainers } from '../repositories/training-sessions.ts';
import type { DB } from '../schema.ts';
import { DEMO_COURSES } from './programme.ts';

/** Where the demo's session of the day takes place (named in the README). */
export const TODAYS_SESSION_VENUE = '本省 第3会議室 / Main building, Conference room 3';

/** How many people the session of the day has booked. */
const BOOKED = 8;

/**
 * A security-course session under way when the demo is seeded (it began half an hour earlier),
 * taught by the demo trainer alone, with a few people booked who had no seat yet: so a trainer
 * signing in finds something to mark on their home page, whatever day the demo starts.
 */
export async function seedTodaysSession(
  trx: Transaction<DB>,
  now: Date,
  people: { trainer: string; keepAsTheyAre: readonly string[] },
): Promise<void> {
  const course = await trx
    .selectFrom('course')
    .select('id')
    .where('code', '=', DEMO_COURSES.security)
    .executeTakeFirstOrThrow();
  const trainer = await trx
    .selectFrom('staff')
    .select('id')
    .where('staff_number', '=', people.trainer)
    .executeTakeFirstOrThrow();
  const fiscalYear = fiscalYearOf(now);
  // On the hour or half hour, as a real session would be.
  const startsAt = new Date(Math.floor((now.getTime() - 30 * 60_000) / 1_800_000) * 1_800_000);
  const cutoff = defaultBookingCutoff(startsAt);
  const fyStart = fiscalYearRange(fiscalYear).start;
  const [session] = await insertTrainingSessions(trx, [
    {
      course_id: course.id,
      fiscal_year: fiscalYear,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 90 * 60_000),
      venue: TODAYS_SESSION_VENUE,
      online_url: null,
      capacity: 20,
      // Open since the fiscal year began (or a day before the cut-off, early in April).
      booking_opens_at: fyStart < cutoff ? fyStart : new Date(cutoff.getTime() - 86_400_000),
      booking_cutoff_at: cutoff,
      min_attendance: null,
    },
  ]);
  if (!session) throw new Error('the session of the day was not created');
  await setSessionTrainers(trx, session.id, [trainer.id]);

  // People with nothing for the course yet this year, from the end of the list; not the demo
  // accounts, whose states the README promises.
  const learners = await trx
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select('s.id')
    .where('s.active', '=', true)
    // Not from an office that has no group sessions: they go straight to e-learning.
    .where(
      sql<boolean>`not exists (select 1 from org_unit ng where ng.has_group_sessions = false and u.path like ng.path || '%')`,
    )
    .where('s.staff_number', 'not in', people.keepAsTheyAre)
    .where('s.staff_number', 'like', 'S%')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('booking as b')
            .select('b.id')
            .whereRef('b.staff_id', '=', 's.id')
            .where('b.course_id', '=', course.id)
            .where('b.fiscal_year', '=', fiscalYear)
            .where('b.status', '<>', 'cancelled'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('completion as c')
            .select('c.id')
            .whereRef('c.staff_id', '=', 's.id')
            .where('c.course_id', '=', course.id)
            .where('c.fiscal_year', '=', fiscalYear),
        ),
      ),
    )
    .orderBy('s.staff_number', 'desc')
    .limit(BOOKED)
    .execute();
  if (learners.length === 0) return;
  await trx
    .insertInto('booking')
    .values(
      learners.map((p) => ({
        session_id: session.id,
        course_id: course.id,
        fiscal_year: fiscalYear,
        staff_id: p.id,
        status: 'confirmed' as const,
        booked_by: p.id,
      })),
    )
    .execute();
  await trx
    .updateTable('training_session')
    .set({ seats_taken: learners.length })
    .where('id', '=', session.id)
    .execute();
}
