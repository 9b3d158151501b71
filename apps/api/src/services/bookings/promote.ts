import {
  cancelBookingRows,
  changeSeatsTaken,
  confirmBooking,
  findTrainingSession,
  firstWaiting,
  insertBookingEvents,
  liveEntriesFor,
  type Booking,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { bookingWindowOf, promotesWaitlist, seatsLeft } from '@kenshu/domain';
import { sessionFacts } from '../messages/facts.ts';
import { sendMessages, type MessageEnv } from '../messages/send.ts';
import { bookingInvitations } from './calendar.ts';

/**
 * Gives every free seat of a (locked) session to the people waiting longest, while its bookings are
 * still open. A promoted person's other waits for the course end: they have a seat now, and an
 * e-mail with the invitation says so.
 */
export async function fillFreeSeats(
  trx: Transaction<DB>,
  sessionId: number,
  env: MessageEnv,
  actorStaffId: number | null,
): Promise<Booking[]> {
  const promoted = await promoteWaiting(trx, sessionId, env.now, actorStaffId);
  if (promoted.length === 0) return promoted;
  const [session] = (await sessionFacts(trx, [sessionId])).values();
  const invitations = await bookingInvitations(
    trx,
    promoted.map((b) => b.id),
    env.config,
    env.now,
  );
  if (session) {
    await sendMessages(
      trx,
      env,
      promoted.map((seat) => {
        const invitation = invitations.get(seat.id);
        return {
          kind: 'booking.promoted',
          staffId: seat.staff_id,
          facts: { session },
          reason: 'booking.promoted',
          period: `booking:${seat.id}`,
          calendar: invitation ? [invitation] : [],
        };
      }),
    );
  }
  return promoted;
}

async function promoteWaiting(
  trx: Transaction<DB>,
  sessionId: number,
  now: Date,
  actorStaffId: number | null,
): Promise<Booking[]> {
  const promoted: Booking[] = [];
  for (;;) {
    const session = await findTrainingSession(trx, sessionId);
    if (!session || !promotesWaitlist(bookingWindowOf(session), now)) return promoted;
    const free = seatsLeft(session.seats_taken, session.capacity);
    if (free === 0) return promoted;
    const candidates = await firstWaiting(trx, sessionId, free);
    if (candidates.length === 0) return promoted;
    for (const waiting of candidates) {
      const entries = await liveEntriesFor(
        trx,
        waiting.staff_id,
        waiting.course_id,
        waiting.fiscal_year,
      );
      if (entries.some((e) => e.status === 'confirmed')) {
        // They got a seat elsewhere meanwhile; their place here is stale.
        await dropWaits(trx, [waiting], now, 'wait_dropped', actorStaffId);
        continue;
      }
      const seat = await confirmBooking(trx, waiting.id);
      await changeSeatsTaken(trx, sessionId, 1);
      await insertBookingEvents(trx, [
        { booking_id: seat.id, action: 'promoted', actor_staff_id: actorStaffId },
      ]);
      await dropWaits(
        trx,
        entries.filter((e) => e.status === 'waitlisted' && e.id !== seat.id),
        now,
        'wait_dropped',
        actorStaffId,
      );
      promoted.push(seat);
    }
  }
}

/** Ends waitlist places, recording why. */
export async function dropWaits(
  trx: Transaction<DB>,
  waits: readonly Pick<Booking, 'id'>[],
  now: Date,
  action: string,
  actorStaffId: number | null,
): Promise<void> {
  const ended = await cancelBookingRows(
    trx,
    waits.map((w) => w.id),
    { staffId: actorStaffId, reason: action, at: now },
  );
  await insertBookingEvents(
    trx,
    ended.map((b) => ({ booking_id: b.id, action, actor_staff_id: actorStaffId })),
  );
}
