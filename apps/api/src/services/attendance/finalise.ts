import {
  closeSessionBookings,
  insertAudit,
  insertBookingEvents,
  lockTrainingSessions,
  markUnmarked,
  marksOf,
  runInTransaction,
  sessionsDueForFinalising,
  setSessionFinalised,
  type DB,
  type Transaction,
  type TrainingSession,
} from '@kenshu/db';
import { AppError, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { assertMayMark } from './marking-rules.ts';
import { applyOutcomes } from './outcomes.ts';

/**
 * Closes an attendance sheet: everyone booked and still unmarked becomes a no-show (absent), the
 * session's bookings become history (so whoever missed it can book another session), and every mark
 * turns into its outcome (completion, or the absence that triggers e-learning). A few set-based
 * statements however large the session.
 */
async function finaliseInTransaction(
  trx: Transaction<DB>,
  session: TrainingSession,
  actorStaffId: number | null,
  at: Date,
): Promise<{ noShows: number; present: number; absent: number }> {
  const noShows = await markUnmarked(trx, session.id, 'absent', {
    staffId: actorStaffId,
    via: 'no_show',
    at,
  });
  await setSessionFinalised(trx, session.id, actorStaffId, at);
  const endedWaits = await closeSessionBookings(trx, session.id, at);
  await insertBookingEvents(
    trx,
    endedWaits.map((b) => ({
      booking_id: b.id,
      action: 'wait_ended_session_held',
      actor_staff_id: actorStaffId,
    })),
  );
  const marks = await marksOf(trx, session.id);
  await applyOutcomes(
    trx,
    { ...session, finalised_at: at },
    marks.map((m) => ({ staffId: m.staff_id, before: null, after: m.mark })),
    actorStaffId,
    at,
  );
  return {
    noShows: noShows.length,
    present: marks.filter((m) => m.mark === 'present' || m.mark === 'late').length,
    absent: marks.filter((m) => m.mark === 'absent').length,
  };
}

/** The trainer submits the attendance sheet after the session. Submitting twice changes nothing. */
export async function finaliseAttendanceSheet({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; reason?: string | undefined };
}) {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const session = (await lockTrainingSessions(trx, [input.sessionId])).get(input.sessionId);
    if (!session) throw notFound('session');
    await assertMayMark(trx, viewer, session, ctx.now, ctx.config, input.reason);
    if (ctx.now < session.starts_at) {
      throw new AppError(
        'ATTENDANCE_NOT_OPEN',
        'An attendance sheet can be submitted once the session has started',
      );
    }
    if (session.finalised_at) {
      return {
        finalisedAt: session.finalised_at.toISOString(),
        noShows: 0,
        alreadyFinalised: true,
      };
    }
    const counts = await finaliseInTransaction(trx, session, viewer.staffId, ctx.now);
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'attendance.finalised',
      targetType: 'session',
      targetId: session.id,
      after: counts,
      requestId: ctx.requestId,
    });
    return { finalisedAt: ctx.now.toISOString(), noShows: counts.noShows, alreadyFinalised: false };
  });
}

/**
 * If a trainer never submits, the attendance sheet closes by itself some hours after the session
 * ends. Idempotent: a finalised session is skipped, and each session is locked while it closes.
 * Returns how many sessions it closed.
 */
export async function finaliseOverdueAttendanceSheets(
  trx: Transaction<DB>,
  now: Date,
  autoFinaliseHours: number,
): Promise<number> {
  const endedBefore = new Date(now.getTime() - autoFinaliseHours * 3600_000);
  let changed = 0;
  for (const { id } of await sessionsDueForFinalising(trx, endedBefore)) {
    const session = (await lockTrainingSessions(trx, [id])).get(id);
    if (!session || session.finalised_at) continue;
    const counts = await finaliseInTransaction(trx, session, null, now);
    await insertAudit(trx, {
      actorStaffId: null,
      action: 'attendance.auto_finalised',
      targetType: 'session',
      targetId: id,
      after: counts,
    });
    changed += 1;
  }
  return changed;
}
