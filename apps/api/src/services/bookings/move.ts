import type { Booking as BookingContract } from '@kenshu/contracts';
import {
  cancelBookingRows,
  changeSeatsTaken,
  findBooking,
  insertBooking,
  insertBookingEvents,
  liveEntriesFor,
  lockTrainingSessions,
} from '@kenshu/db';
import {
  AppError,
  assertBookable,
  assertBookingChangeable,
  bookingWindowOf,
  canCancelSelf,
  isAdmin,
  notFound,
  seatsLeft,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';
import { oneSessionFacts, personFacts } from '../messages/facts.ts';
import { sendMessages } from '../messages/send.ts';
import { bookingInvitations } from './calendar.ts';
import { phaseOf } from '../sessions/phase.ts';
import { dropWaits, fillFreeSeats } from './promote.ts';
import { assertMayActFor } from './scope.ts';
import { toBookingContract } from './to-contract.ts';

/**
 * Moves a seat to another session of the same course in one transaction: the person never holds
 * two seats and is never left with none. Both sessions are locked (in id order).
 */
export async function moveBooking({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { bookingId: number; toSessionId: number };
}): Promise<BookingContract> {
  const viewer = requireViewer(ctx);
  return auditedChange(ctx, viewer, async (trx) => {
    const peek = await findBooking(trx, input.bookingId);
    if (!peek) throw notFound('booking');
    await assertMayActFor(trx, viewer, peek.staff_id, 'booking');
    const locked = await lockTrainingSessions(trx, [peek.session_id, input.toSessionId]);
    const from = locked.get(peek.session_id);
    const to = locked.get(input.toSessionId);
    const booking = await findBooking(trx, input.bookingId);
    if (!booking || !from) throw notFound('booking');
    if (!to) throw notFound('session');
    if (booking.status !== 'confirmed')
      throw validation('Only a booked seat can be moved; book the other session instead');
    assertBookingChangeable(phaseOf(from, ctx.now));
    if (to.id === from.id) throw new AppError('ALREADY_BOOKED', 'Already booked on this session');
    if (to.course_id !== booking.course_id || to.fiscal_year !== booking.fiscal_year) {
      throw new AppError(
        'COURSE_NOT_REQUIRED',
        'A booking can only move to a session of the same course and year',
      );
    }
    assertBookable(bookingWindowOf(to), ctx.now);
    if (!canCancelSelf({ bookingCutoffAt: from.booking_cutoff_at }, ctx.now) && !isAdmin(viewer)) {
      throw new AppError(
        'BOOKING_CLOSED',
        'The cut-off of your current session has passed; ask the training office',
      );
    }
    if (seatsLeft(to.seats_taken, to.capacity) === 0) {
      throw new AppError('SESSION_FULL', 'That session is full; your booking is unchanged', {
        sessionId: to.id,
      });
    }

    await cancelBookingRows(trx, [booking.id], {
      staffId: viewer.staffId,
      reason: 'moved',
      at: ctx.now,
    });
    await changeSeatsTaken(trx, from.id, -1);
    const moved = await insertBooking(trx, {
      session_id: to.id,
      course_id: booking.course_id,
      fiscal_year: booking.fiscal_year,
      staff_id: booking.staff_id,
      status: 'confirmed',
      booked_by: viewer.staffId,
    });
    await changeSeatsTaken(trx, to.id, 1);
    await insertBookingEvents(trx, [
      {
        booking_id: booking.id,
        action: 'moved_out',
        actor_staff_id: viewer.staffId,
        details: { toBookingId: moved.id },
      },
      {
        booking_id: moved.id,
        action: 'moved_in',
        actor_staff_id: viewer.staffId,
        details: { fromBookingId: booking.id },
      },
    ]);
    const waits = (
      await liveEntriesFor(trx, booking.staff_id, booking.course_id, booking.fiscal_year)
    ).filter((e) => e.status === 'waitlisted');
    await dropWaits(trx, waits, ctx.now, 'wait_dropped', viewer.staffId);
    await fillFreeSeats(trx, from.id, ctx, viewer.staffId);
    // The new seat's invitation first (calendars add it), then the old one's cancellation.
    const invitations = await bookingInvitations(trx, [moved.id, booking.id], ctx.config, ctx.now);
    await sendMessages(trx, ctx, [
      {
        kind: 'booking.moved',
        staffId: booking.staff_id,
        reason: 'booking.moved',
        period: `booking:${moved.id}`,
        facts: {
          session: await oneSessionFacts(trx, to.id),
          previous: await oneSessionFacts(trx, from.id),
          actor:
            booking.staff_id === viewer.staffId ? null : await personFacts(trx, viewer.staffId),
        },
        calendar: [invitations.get(moved.id), invitations.get(booking.id)].filter(
          (part) => part !== undefined,
        ),
      },
    ]);
    return {
      answer: await toBookingContract(trx, moved),
      audit:
        booking.staff_id === viewer.staffId
          ? null
          : {
              action: 'booking.moved_on_behalf',
              targetType: 'booking',
              targetId: moved.id,
              before: { sessionId: from.id },
              after: { sessionId: to.id },
            },
    };
  });
}
