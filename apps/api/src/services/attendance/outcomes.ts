import {
  withdrawAttendanceCompletions,
  type AttendanceMark,
  type DB,
  type Transaction,
  type TrainingSession,
} from '@kenshu/db';
import { recordCompletions } from '../training/completions.ts';
import { publishTrainingEvents } from '../training/events.ts';

const COMPLETES: ReadonlySet<AttendanceMark> = new Set(['present', 'late']);

/**
 * Turns final marks into requirement outcomes: present or late completes the course for the
 * year; absent (a no-show too) and excused leave it open and are published, so whoever did not
 * attend is assigned the e-learning. A mark corrected away from present withdraws the completion.
 */
export async function applyOutcomes(
  trx: Transaction<DB>,
  session: TrainingSession,
  changes: readonly { staffId: number; before: AttendanceMark | null; after: AttendanceMark }[],
  actorStaffId: number | null,
  at: Date,
): Promise<void> {
  const completed = changes.filter((c) => COMPLETES.has(c.after)).map((c) => c.staffId);
  const revoked = changes
    .filter((c) => c.before !== null && COMPLETES.has(c.before) && !COMPLETES.has(c.after))
    .map((c) => c.staffId);
  const missed = changes.filter(
    (c): c is typeof c & { after: 'absent' | 'excused' } =>
      (c.after === 'absent' || c.after === 'excused') && c.before !== c.after,
  );

  await withdrawAttendanceCompletions(trx, session.id, revoked, {
    staffId: actorStaffId,
    reason: 'attendance mark corrected',
  });
  await recordCompletions(
    trx,
    completed.map((staffId) => ({
      staffId,
      courseId: session.course_id,
      fiscalYear: session.fiscal_year,
      kind: 'attended' as const,
      sessionId: session.id,
      recordedBy: actorStaffId,
    })),
    at,
  );
  await publishTrainingEvents(
    trx,
    missed.map((c) => ({
      type: c.after === 'absent' ? ('attendance.absent' as const) : ('attendance.excused' as const),
      staffId: c.staffId,
      courseId: session.course_id,
      fiscalYear: session.fiscal_year,
      sessionId: session.id,
    })),
    at,
  );
}
