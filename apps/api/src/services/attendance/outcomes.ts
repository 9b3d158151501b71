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
 * year; absent (a no-show too) leaves it open and is published for e-learning assignment;
 * excused leaves it open quietly. A mark corrected away from present withdraws the completion.
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
  const absent = changes
    .filter((c) => c.after === 'absent' && c.before !== 'absent')
    .map((c) => c.staffId);

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
    absent.map((staffId) => ({
      type: 'attendance.absent' as const,
      staffId,
      courseId: session.course_id,
      fiscalYear: session.fiscal_year,
      sessionId: session.id,
    })),
    at,
  );
}
