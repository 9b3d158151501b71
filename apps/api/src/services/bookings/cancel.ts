import type { Booking as BookingContract } from '@kenshu/contracts';
import {
  cancelBookingRows,
  changeSeatsTaken,
  findBooking,
  insertAudit,
  insertBookingEvents,
  lockTrainingSessions,
  runInTransaction,
} from '@kenshu/db';
import {
  AppError,
  assertBookingChangeable,
  canCancelSelf,
  isAdmin,
  notFound,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { oneSessionFacts, personFacts } from '../messages/facts.ts';
import { sendMessages } from '../messages/send.ts';
import { bookingInvitations } from './calendar.ts';
import { phaseOf } from '../sessions/phase.ts';
import { fillFreeSeats } from './promote.ts';
import { assertMayActFor } from './scope.ts';
import { toBookingContract } from './to-contract.ts';

/**
 * Cancels a booking (or leaves a waitlist). Until the cut-off the person, their section head or
 * unit officer may; after it only an admin, with a reason, and the cancellation is audited.
 * Once the session has begun a seat is a record (SESSION_STARTED, then SESSION_FINALISED).
 * A freed seat goes straight to the first person waiting.
 */
export async function cancelBooking({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { bookingId: number; reason?: string | undefined };
}): Promise<BookingContract> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const peek = await findBooking(trx, input.bookingId);
    if (!peek) throw notFound('booking');
    await assertMayActFor(trx, viewer, peek.staff_id, 'booking');
    const session = (await lockTrainingSessions(trx, [peek.session_id])).get(peek.session_id);
    const booking = await findBooking(trx, input.bookingId);
    if (!session || !booking) throw notFound('booking');
    if (booking.status === 'cancelled') return toBookingContract(trx, booking);
    // A waitlist place may always be left; a seat on a session that has begun is a record.
    if (booking.status === 'confirmed') assertBookingChangeable(phaseOf(session, ctx.now));

    const lateCancellation = !canCancelSelf(
      { bookingCutoffAt: session.booking_cutoff_at },
      ctx.now,
    );
    if (lateCancellation && !isAdmin(viewer)) {
      throw new AppError(
        'BOOKING_CLOSED',
        'The cut-off has passed; ask the training office to cancel',
        {
          cutoffAt: session.booking_cutoff_at.toISOString(),
        },
      );
    }
    if (lateCancellation && !input.reason)
      throw validation('A reason is required after the cut-off', { field: 'reason' });

    const reason = input.reason || 'cancelled';
    const [cancelled] = await cancelBookingRows(trx, [booking.id], {
      staffId: viewer.staffId,
      reason,
      at: ctx.now,
    });
    if (!cancelled) throw notFound('booking');
    await insertBookingEvents(trx, [
      {
        booking_id: booking.id,
        action: 'cancelled',
        actor_staff_id: viewer.staffId,
        details: { reason, late: lateCancellation },
      },
    ]);
    if (booking.status === 'confirmed') {
      await changeSeatsTaken(trx, session.id, -1);
      await fillFreeSeats(trx, session.id, ctx, viewer.staffId);
    }
    const facts = await oneSessionFacts(trx, session.id);
    // Only a seat was ever sent as an invitation; a waitlist place has nothing to take back.
    const calendar =
      booking.status === 'confirmed'
        ? [...(await bookingInvitations(trx, [booking.id], ctx.config, ctx.now)).values()]
        : [];
    const common = { staffId: booking.staff_id, period: `booking:${booking.id}`, calendar };
    await sendMessages(trx, ctx, [
      booking.staff_id === viewer.staffId
        ? {
            ...common,
            kind: 'booking.cancelled',
            reason: 'booking.cancelled',
            facts: { session: facts },
          }
        : {
            ...common,
            kind: 'booking.cancelled_for_you',
            reason: 'booking.cancelled_for_you',
            facts: {
              session: facts,
              actor: await personFacts(trx, viewer.staffId),
              reason: input.reason ?? null,
            },
          },
    ]);
    if (booking.staff_id !== viewer.staffId || lateCancellation) {
      await insertAudit(trx, {
        actorStaffId: viewer.staffId,
        action: lateCancellation ? 'booking.cancelled_after_cutoff' : 'booking.cancelled_on_behalf',
        targetType: 'booking',
        targetId: booking.id,
        before: { status: booking.status },
        after: { status: 'cancelled', reason },
        requestId: ctx.requestId,
      });
    }
    return toBookingContract(trx, cancelled);
  });
}
