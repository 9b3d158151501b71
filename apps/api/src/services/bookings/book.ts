import type { Booking as BookingContract } from '@kenshu/contracts';
import {
  changeSeatsTaken,
  completionsOf,
  findCourseById,
  findTrainingSession,
  insertAudit,
  insertBooking,
  insertBookingEvents,
  isUniqueViolation,
  liveEntriesFor,
  lockTrainingSessions,
  runInTransaction,
  type Booking,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { AppError, assertBookable, notFound, placeFor } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { audienceMemberOf, isRequired } from '../courses/audience.ts';
import { oneSessionFacts, personFacts } from '../messages/facts.ts';
import { sendMessages, type Outgoing } from '../messages/send.ts';
import { bookingInvitations } from './calendar.ts';
import { bookableOf, dropWaits } from './promote.ts';
import { assertMayActFor } from './scope.ts';
import { toBookingContract } from './to-contract.ts';

/**
 * Books a seat on a session, or a place on its waitlist when it is full. The session row is
 * locked for the whole transaction, so two people can never both take its last seat.
 */
export async function bookSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; staffId?: number | undefined };
}): Promise<BookingContract> {
  const viewer = requireViewer(ctx);
  const staffId = input.staffId ?? viewer.staffId;
  // Checks that only read the person and the course run before the seat lock is taken, so the
  // lock is held for just the statements that must be serialised: 64 people booking one popular
  // session queue on it one short transaction at a time.
  if (staffId !== viewer.staffId) await assertMayActFor(ctx.db, viewer, staffId);
  const target = await findTrainingSession(ctx.db, input.sessionId);
  if (!target) throw notFound('session');
  assertBookable(bookableOf(target), ctx.now);
  const course = await findCourseById(ctx.db, target.course_id);
  const member = await audienceMemberOf(ctx.db, staffId);
  if (!course || !member || !member.active) throw notFound('staff member');
  if (!(await isRequired(ctx.db, course, member))) {
    throw new AppError('COURSE_NOT_REQUIRED', 'This course is not one this person must take', {
      courseId: course.id,
    });
  }
  const completions = await completionsOf(ctx.db, staffId, target.fiscal_year);
  if (completions.some((c) => c.course_id === course.id)) {
    throw new AppError(
      'ALREADY_COMPLETED',
      'This course is already completed for this fiscal year',
    );
  }

  try {
    const booking = await runInTransaction(ctx.db, async (trx) => {
      const session = (await lockTrainingSessions(trx, [input.sessionId])).get(input.sessionId);
      if (!session) throw notFound('session');
      // Re-checked under the lock: the session may have been cancelled or closed meanwhile.
      assertBookable(bookableOf(session), ctx.now);
      const entries = await liveEntriesFor(trx, staffId, course.id, session.fiscal_year);
      const seat = entries.find((e) => e.status === 'confirmed');
      if (seat) {
        const held = await findTrainingSession(trx, seat.session_id);
        throw new AppError(
          'ALREADY_BOOKED',
          held && held.ends_at <= ctx.now
            ? 'Your booked session has ended and its roster is not final yet; once it is, you can book another session if you missed it'
            : 'Already booked on a session of this course; move the booking instead',
          { bookingId: seat.id },
        );
      }
      if (entries.some((e) => e.session_id === session.id)) {
        throw new AppError('ALREADY_BOOKED', 'Already on the waitlist of this session');
      }

      const status = placeFor(session.seats_taken, session.capacity);
      const created = await insertBooking(trx, {
        session_id: session.id,
        course_id: course.id,
        fiscal_year: session.fiscal_year,
        staff_id: staffId,
        status,
        booked_by: viewer.staffId,
      });
      await insertBookingEvents(trx, [
        {
          booking_id: created.id,
          action: status === 'confirmed' ? 'booked' : 'waitlisted',
          actor_staff_id: viewer.staffId,
        },
      ]);
      if (status === 'confirmed') {
        await changeSeatsTaken(trx, session.id, 1);
        // A seat ends the person's other waits for this course.
        await dropWaits(trx, entries, ctx.now, 'wait_dropped', viewer.staffId);
      }
      await sendMessages(trx, ctx, [await bookingMessage(trx, ctx, created, viewer.staffId)]);
      if (staffId !== viewer.staffId) {
        await insertAudit(trx, {
          actorStaffId: viewer.staffId,
          action: 'booking.created_on_behalf',
          targetType: 'booking',
          targetId: created.id,
          after: { staffId, sessionId: session.id, status },
          requestId: ctx.requestId,
        });
      }
      return created;
    });
    return await toBookingContract(ctx.db, booking);
  } catch (error) {
    // Two sessions of one course booked at the same instant: the index keeps one seat per person.
    if (isUniqueViolation(error)) {
      throw new AppError('ALREADY_BOOKED', 'Already booked on a session of this course');
    }
    throw error;
  }
}

/** The e-mail and notice of a new booking: who booked it decides the words; a seat, an invitation. */
async function bookingMessage(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  booking: Booking,
  actorStaffId: number,
): Promise<Outgoing> {
  const session = await oneSessionFacts(trx, booking.session_id);
  const seat = booking.status === 'confirmed';
  const calendar = seat
    ? [...(await bookingInvitations(trx, [booking.id], ctx.config)).values()]
    : [];
  const common = { staffId: booking.staff_id, period: `booking:${booking.id}`, calendar };
  if (booking.staff_id === actorStaffId) {
    const kind = seat ? 'booking.made' : 'booking.waitlisted';
    return { ...common, kind, reason: kind, facts: { session } };
  }
  const kind = seat ? 'booking.made_for_you' : 'booking.waitlisted_for_you';
  const actor = await personFacts(trx, actorStaffId);
  return { ...common, kind, reason: kind, facts: { session, actor } };
}
