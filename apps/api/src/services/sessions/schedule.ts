import type { z } from '@hono/zod-openapi';
import type {
  CreateSeriesRequest,
  CreateSessionRequest,
  TrainingSession as SessionContract,
  UpdateSessionRequest,
} from '@kenshu/contracts';
import {
  activeStaffIdsOf,
  bumpBookingSequences,
  findCourseById,
  insertAudit,
  insertBookingEvents,
  insertTrainingSessions,
  lockTrainingSessions,
  liveBookingsOfSession,
  releaseSessionBookings,
  runInTransaction,
  setSessionTrainers,
  updateTrainingSession,
  type Executor,
} from '@kenshu/db';
import {
  AppError,
  assertCapacity,
  assertSessionChangeable,
  assertTimeRange,
  currentFiscalYear,
  defaultBookingCutoff,
  expandSeries,
  fiscalYearOf,
  notFound,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { bookingInvitations } from '../bookings/calendar.ts';
import { fillFreeSeats } from '../bookings/promote.ts';
import { oneSessionFacts } from '../messages/facts.ts';
import { sendMessages } from '../messages/send.ts';
import { getSession } from './list.ts';
import { phaseOf } from './phase.ts';
import { scheduleWarnings } from './schedule-check.ts';

async function assertTrainers(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await activeStaffIdsOf(db, ids);
  if (found.length !== new Set(ids).size)
    throw validation('A trainer is not an active staff member', { field: 'trainerIds' });
}

async function courseForSessions(db: Executor, courseId: number) {
  const course = await findCourseById(db, courseId);
  if (!course) throw notFound('course');
  if (course.completion_modes === 'e_learning') {
    throw validation('This course is completed by e-learning only; it has no group sessions', {
      field: 'courseId',
    });
  }
  return course;
}

function assertCutoff(cutoff: Date, startsAt: Date, opensAt: Date): void {
  if (cutoff > startsAt)
    throw validation('The booking cut-off must be before the session starts', {
      field: 'bookingCutoffAt',
    });
  if (opensAt >= cutoff)
    throw validation('Booking must open before the cut-off', { field: 'bookingOpensAt' });
}

/**
 * Whether a new session is being recorded after it took place (from a paper sign-in sheet), which
 * needs a reason and is kept to this fiscal year and the last; a future session takes no reason.
 */
function assertRecording(startsAt: Date, now: Date, reason: string | undefined): boolean {
  const recorded = startsAt < now;
  if (recorded && !reason) {
    throw validation(
      'This session starts in the past: to record one that already took place, give a reason',
      { field: 'recordedReason' },
    );
  }
  if (!recorded && reason) {
    throw validation('Only a session that already took place is recorded with a reason', {
      field: 'recordedReason',
    });
  }
  if (recorded && fiscalYearOf(startsAt) < currentFiscalYear(now) - 1) {
    throw validation('Sessions can be recorded for this fiscal year and the last only', {
      field: 'startsAt',
    });
  }
  return recorded;
}

/**
 * Schedules one session (admins), audited with any warnings the admin saved it despite (weekend,
 * holiday, another session in the venue). A session that already took place is recorded instead:
 * with a reason, closed to booking, its attendance then marked from the paper sheet.
 */
export async function createSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof CreateSessionRequest>;
}): Promise<SessionContract> {
  const viewer = requireViewer(ctx);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  assertTimeRange(startsAt, endsAt);
  const recorded = assertRecording(startsAt, ctx.now, input.recordedReason);
  // A recorded session was never open for booking: its window closes as it starts.
  const cutoff = recorded
    ? startsAt
    : input.bookingCutoffAt
      ? new Date(input.bookingCutoffAt)
      : defaultBookingCutoff(startsAt);
  const opensAt = recorded
    ? new Date(startsAt.getTime() - 60_000)
    : input.bookingOpensAt
      ? new Date(input.bookingOpensAt)
      : ctx.now;
  assertCutoff(cutoff, startsAt, opensAt);
  const id = await runInTransaction(ctx.db, async (trx) => {
    await courseForSessions(trx, input.courseId);
    await assertTrainers(trx, input.trainerIds);
    const warnings = await scheduleWarnings(trx, { startsAt, endsAt, venue: input.venue });
    const [session] = await insertTrainingSessions(trx, [
      {
        course_id: input.courseId,
        fiscal_year: fiscalYearOf(startsAt),
        starts_at: startsAt,
        ends_at: endsAt,
        venue: input.venue,
        online_url: input.onlineUrl,
        capacity: input.capacity,
        booking_opens_at: opensAt,
        booking_cutoff_at: cutoff,
        min_attendance: input.minAttendance,
        recorded_at: recorded ? ctx.now : null,
        recorded_reason: recorded ? (input.recordedReason ?? null) : null,
      },
    ]);
    if (!session) throw new Error('insert returned no session');
    await setSessionTrainers(trx, session.id, input.trainerIds);
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: recorded ? 'session.recorded' : 'session.created',
      targetType: 'session',
      targetId: session.id,
      after: { ...input, warnings: warnings.map((w) => w.kind) },
      requestId: ctx.requestId,
    });
    return session.id;
  });
  return getSession({ ctx, input: { id } });
}

/** Schedules a whole series in one step (admins): all sessions or none. */
export async function createSeries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof CreateSeriesRequest>;
}): Promise<SessionContract[]> {
  const viewer = requireViewer(ctx);
  if (new Set(input.dates).size !== input.dates.length) {
    throw new AppError('OVERLAPPING_SESSIONS', 'A date appears twice in the series', {
      field: 'dates',
    });
  }
  const times = expandSeries(input);
  const opensAt = input.bookingOpensAt ? new Date(input.bookingOpensAt) : ctx.now;
  for (const t of times) assertCutoff(t.bookingCutoffAt, t.startsAt, opensAt);
  const ids = await runInTransaction(ctx.db, async (trx) => {
    await courseForSessions(trx, input.courseId);
    await assertTrainers(trx, input.trainerIds);
    const sessions = await insertTrainingSessions(
      trx,
      times.map((t) => ({
        course_id: input.courseId,
        fiscal_year: fiscalYearOf(t.startsAt),
        starts_at: t.startsAt,
        ends_at: t.endsAt,
        venue: input.venue,
        online_url: input.onlineUrl,
        capacity: input.capacity,
        booking_opens_at: opensAt,
        booking_cutoff_at: t.bookingCutoffAt,
        min_attendance: input.minAttendance,
      })),
    );
    const warnings = new Set<string>();
    for (const s of sessions) {
      await setSessionTrainers(trx, s.id, input.trainerIds);
      // What the admin saved the series despite, as for one session (each kind once).
      const found = await scheduleWarnings(trx, {
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        venue: input.venue,
        sessionId: s.id,
      });
      for (const w of found) warnings.add(w.kind);
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'session.series_created',
      targetType: 'course',
      targetId: input.courseId,
      after: { ...input, sessionIds: sessions.map((s) => s.id), warnings: [...warnings] },
      requestId: ctx.requestId,
    });
    return sessions.map((s) => s.id);
  });
  return Promise.all(ids.map((id) => getSession({ ctx, input: { id } })));
}

/**
 * Changes a session (admins). Capacity never drops below the seats already taken; raising it
 * gives the new seats to the people waiting. Bookings' calendar entries pick up time changes.
 */
export async function updateSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof UpdateSessionRequest> & { id: number };
}): Promise<SessionContract> {
  const viewer = requireViewer(ctx);
  await runInTransaction(ctx.db, async (trx) => {
    const before = (await lockTrainingSessions(trx, [input.id])).get(input.id);
    if (!before) throw notFound('session');
    const phase = phaseOf(before, ctx.now);
    assertSessionChangeable(phase, 'edit', input.reason);
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.starts_at;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.ends_at;
    assertTimeRange(startsAt, endsAt);
    const cutoff = input.bookingCutoffAt
      ? new Date(input.bookingCutoffAt)
      : input.startsAt
        ? defaultBookingCutoff(startsAt)
        : before.booking_cutoff_at;
    assertCutoff(cutoff, startsAt, before.booking_opens_at);
    if (input.capacity !== undefined) assertCapacity(input.capacity, before.seats_taken);
    if (input.trainerIds) {
      await assertTrainers(trx, input.trainerIds);
      await setSessionTrainers(trx, input.id, input.trainerIds);
    }
    const after = await updateTrainingSession(trx, input.id, {
      starts_at: startsAt,
      ends_at: endsAt,
      fiscal_year: fiscalYearOf(startsAt),
      booking_cutoff_at: cutoff,
      ...(input.venue !== undefined ? { venue: input.venue } : {}),
      ...(input.onlineUrl !== undefined ? { online_url: input.onlineUrl } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.minAttendance !== undefined ? { min_attendance: input.minAttendance } : {}),
    });
    const timeChanged =
      startsAt.getTime() !== before.starts_at.getTime() ||
      endsAt.getTime() !== before.ends_at.getTime();
    if (timeChanged || input.venue !== undefined || input.onlineUrl !== undefined) {
      // Calendar apps only take an update whose SEQUENCE went up.
      await bumpBookingSequences(trx, input.id);
    }
    await fillFreeSeats(trx, input.id, ctx, viewer.staffId);
    const warnings =
      timeChanged || input.venue !== undefined
        ? await scheduleWarnings(trx, { startsAt, endsAt, venue: after.venue, sessionId: input.id })
        : [];
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'session.updated',
      targetType: 'session',
      targetId: input.id,
      before: {
        startsAt: before.starts_at,
        endsAt: before.ends_at,
        venue: before.venue,
        capacity: before.capacity,
      },
      after: {
        startsAt: after.starts_at,
        endsAt: after.ends_at,
        venue: after.venue,
        capacity: after.capacity,
        phase,
        reason: input.reason ?? null,
        warnings: warnings.map((w) => w.kind),
      },
      requestId: ctx.requestId,
    });
  });
  return getSession({ ctx, input: { id: input.id } });
}

/** Cancels a session with a reason (admins): it stays on record; everyone on it is released and told. */
export async function cancelSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; reason: string };
}): Promise<SessionContract> {
  const viewer = requireViewer(ctx);
  await runInTransaction(ctx.db, async (trx) => {
    const session = (await lockTrainingSessions(trx, [input.id])).get(input.id);
    if (!session) throw notFound('session');
    const phase = phaseOf(session, ctx.now);
    assertSessionChangeable(phase, 'cancel', input.reason);
    const seats = (await liveBookingsOfSession(trx, input.id))
      .filter((b) => b.status === 'confirmed')
      .map((b) => b.id);
    const released = await releaseSessionBookings(trx, input.id, {
      staffId: viewer.staffId,
      at: ctx.now,
    });
    await updateTrainingSession(trx, input.id, {
      status: 'cancelled',
      cancel_reason: input.reason,
      cancelled_at: ctx.now,
      seats_taken: 0,
    });
    await insertBookingEvents(
      trx,
      released.map((b) => ({
        booking_id: b.id,
        action: 'session_cancelled',
        actor_staff_id: viewer.staffId,
        details: { reason: input.reason },
      })),
    );
    const facts = await oneSessionFacts(trx, input.id);
    // Cancellations only for seats: a waitlist place was never sent as an invitation.
    const invitations = await bookingInvitations(trx, seats, ctx.config, ctx.now);
    await sendMessages(
      trx,
      ctx,
      released.map((b) => {
        const cancellation = invitations.get(b.id);
        return {
          kind: 'session.cancelled',
          staffId: b.staff_id,
          reason: 'session.cancelled',
          period: `booking:${b.id}`,
          facts: { session: facts, reason: input.reason },
          calendar: cancellation ? [cancellation] : [],
        };
      }),
    );
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'session.cancelled',
      targetType: 'session',
      targetId: input.id,
      before: { status: session.status, phase, seatsTaken: session.seats_taken },
      after: { status: 'cancelled', reason: input.reason, released: released.length },
      requestId: ctx.requestId,
    });
  });
  return getSession({ ctx, input: { id: input.id } });
}
