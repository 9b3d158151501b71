import { assignmentDueOn, tokyoDateOf } from '@kenshu/domain';
import type { Transaction } from 'kysely';
import { assignListedStaff } from '../repositories/assignments.ts';
import { markUnmarked, setSessionFinalised, upsertMarks } from '../repositories/attendance.ts';
import { insertAudit } from '../repositories/audit-log.ts';
import { closeSessionBookings } from '../repositories/bookings.ts';
import { insertCompletionsIfMissing } from '../repositories/completions.ts';
import { assignableModuleOf } from '../repositories/e-learning-modules.ts';
import type { DB } from '../schema.ts';
import { seededRandom } from './names.ts';
import { DEMO_PEOPLE } from './programme.ts';

/** Minutes after a session ends that the demo trainer submits its attendance sheet. */
const SUBMITTED_AFTER_MINUTES = 15;

/**
 * Plays out every demo session that ended before `now`, in order, the way the app records a real
 * one: the trainer marks who came (a few booked people never show up), submits the attendance sheet
 * shortly after the session, the unmarked become no-shows, the bookings become history, those
 * present complete the course on that day, and the absent are assigned the e-learning from that day
 * on. Each row carries the time it would have had, so every screen shows the same past: no
 * attendance sheet is left for the first start to close, and no completion is dated by the day of
 * seeding.
 */
export async function seedDemoHistory(
  trx: Transaction<DB>,
  now: Date,
  trainerStaffNumber: string,
): Promise<void> {
  const trainer = await trx
    .selectFrom('staff')
    .select('id')
    .where('staff_number', '=', trainerStaffNumber)
    .executeTakeFirstOrThrow();
  const named = await trx
    .selectFrom('staff')
    .select(['id', 'staff_number'])
    .where('staff_number', 'in', [DEMO_PEOPLE.absent, DEMO_PEOPLE.completed])
    .execute();
  const alwaysAbsent = new Set(
    named.filter((p) => p.staff_number === DEMO_PEOPLE.absent).map((p) => p.id),
  );
  const alwaysPresent = new Set(
    named.filter((p) => p.staff_number === DEMO_PEOPLE.completed).map((p) => p.id),
  );
  const ended = await trx
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .selectAll('s')
    .select(['c.completion_modes', 'c.active as course_active'])
    .where('s.ends_at', '<', now)
    .where('s.finalised_at', 'is', null)
    .where('s.status', '=', 'scheduled')
    .orderBy('s.starts_at')
    .execute();
  const random = seededRandom(11);
  for (const session of ended) {
    const markedAt = new Date(session.ends_at.getTime() - 5 * 60_000);
    const submittedAt = new Date(session.ends_at.getTime() + SUBMITTED_AFTER_MINUTES * 60_000);
    const seats = await trx
      .selectFrom('booking')
      .select(['id', 'staff_id'])
      .where('session_id', '=', session.id)
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute();
    // About one in eight booked people does not come.
    const present = seats.filter(
      (b) => alwaysPresent.has(b.staff_id) || (!alwaysAbsent.has(b.staff_id) && random() >= 0.125),
    );
    await upsertMarks(
      trx,
      session.id,
      present.map((b) => ({ staffId: b.staff_id, bookingId: b.id, mark: 'present', note: null })),
      { staffId: trainer.id, via: 'trainer', at: markedAt },
    );
    if (present.length > 0) {
      await insertAudit(trx, {
        at: markedAt,
        actorStaffId: trainer.id,
        action: 'attendance.marked',
        targetType: 'session',
        targetId: session.id,
        before: present.map((b) => ({ staffId: b.staff_id, mark: null })),
        after: {
          marks: present.map((b) => ({ staffId: b.staff_id, mark: 'present' })),
          reason: null,
        },
      });
    }
    // Submitting the attendance sheet: what finaliseAttendanceSheet does, on the day of the
    // session.
    const noShows = await markUnmarked(trx, session.id, 'absent', {
      staffId: trainer.id,
      via: 'no_show',
      at: submittedAt,
    });
    await setSessionFinalised(trx, session.id, trainer.id, submittedAt);
    await closeSessionBookings(trx, session.id, submittedAt);
    const completed = await insertCompletionsIfMissing(
      trx,
      present.map((b) => ({
        staff_id: b.staff_id,
        course_id: session.course_id,
        fiscal_year: session.fiscal_year,
        kind: 'attended' as const,
        session_id: session.id,
        source_ref: null,
        reason: null,
        recorded_by: trainer.id,
        recorded_at: submittedAt,
      })),
    );
    await insertAudit(trx, {
      at: submittedAt,
      actorStaffId: trainer.id,
      action: 'attendance.finalised',
      targetType: 'session',
      targetId: session.id,
      after: { noShows: noShows.length, present: completed.length, absent: noShows.length },
    });
    // The absent get the course's e-learning from the day of the session (rule 1).
    if (noShows.length === 0 || !session.course_active) continue;
    if (session.completion_modes === 'group_session') continue;
    const rule = await trx
      .selectFrom('assignment_rule')
      .select(['enabled', 'due_days'])
      .where('course_id', '=', session.course_id)
      .where('rule', '=', 'absent')
      .executeTakeFirst();
    const moduleId = await assignableModuleOf(trx, session.course_id);
    if (!rule?.enabled || moduleId === undefined) continue;
    await assignListedStaff(
      trx,
      noShows.map((staffId) => ({ staffId, sessionId: session.id })),
      {
        courseId: session.course_id,
        fiscalYear: session.fiscal_year,
        moduleId,
        dueOn: assignmentDueOn(tokyoDateOf(submittedAt), rule.due_days, session.fiscal_year),
        source: 'absent',
      },
    );
    await trx
      .updateTable('assignment')
      .set({ created_at: submittedAt })
      .where('session_id', '=', session.id)
      .where('staff_id', 'in', noShows)
      .execute();
    await trx
      .updateTable('notification')
      .set({ created_at: submittedAt })
      .where('kind', '=', 'e_learning.assigned')
      .where('staff_id', 'in', noShows)
      .execute();
  }
}
