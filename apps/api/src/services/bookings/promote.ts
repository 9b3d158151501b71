import {
  cancelBookingRows,
  changeSeatsTaken,
  confirmBooking,
  findTrainingSession,
  firstWaiting,
  insertBookingEvents,
  liveEntriesFor,
  notify,
  type Booking,
  type DB,
  type TrainingSession,
  type Transaction,
} from '@kenshu/db';
import { promotesWaitlist, seatsLeft } from '@kenshu/domain';

export function bookableOf(s: TrainingSession) {
  return {
    status: s.status,
    startsAt: s.starts_at,
    bookingOpensAt: s.booking_opens_at,
    bookingCutoffAt: s.booking_cutoff_at,
  };
}

/**
 * Gives every free seat of a (locked) session to the people waiting longest, while the roster is
 * still open. A promoted person's other waits for the course end: they have a seat now.
 */
export async function fillFreeSeats(
  trx: Transaction<DB>,
  sessionId: number,
  now: Date,
  actorStaffId: number | null,
): Promise<Booking[]> {
  const promoted: Booking[] = [];
  for (;;) {
    const session = await findTrainingSession(trx, sessionId);
    if (!session || !promotesWaitlist(bookableOf(session), now)) return promoted;
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
      await notify(trx, [
        {
          staff_id: seat.staff_id,
          kind: 'booking.promoted',
          payload: { bookingId: seat.id, sessionId },
        },
      ]);
      promoted.push(seat);
    }
  }
}

/** Ends waitlist places, recording why. */
export async function dropWaits(
  trx: Transaction<DB>,
  waits: readonly Booking[],
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
