import type { TrainingSession } from '@kenshu/contracts';

/** A seat I hold on a session of the same course. */
export interface HeldSeat {
  bookingId: number;
  sessionId: number;
  startsAt: string;
}

/**
 * What I can do on one session, from its state and the seat I may hold elsewhere on its course:
 * my own place comes first, then whether booking is open at all, then seats.
 */
export type SessionAction =
  | { kind: 'cancelled'; reason: string | null }
  | { kind: 'booked'; bookingId: number; canCancel: boolean }
  | { kind: 'waiting'; bookingId: number; position: number | null; canCancel: boolean }
  | { kind: 'not_open'; opensAt: string }
  | { kind: 'closed' }
  | { kind: 'move'; seat: HeldSeat }
  | { kind: 'full_cannot_move'; seat: HeldSeat }
  | { kind: 'book' }
  | { kind: 'join_waitlist' };

export function sessionAction(
  session: Pick<
    TrainingSession,
    'id' | 'status' | 'cancelReason' | 'myPlace' | 'bookable' | 'bookingOpensAt' | 'seatsLeft'
  >,
  heldSeat: HeldSeat | undefined,
  now: Date = new Date(),
): SessionAction {
  if (session.status === 'cancelled') return { kind: 'cancelled', reason: session.cancelReason };
  const place = session.myPlace;
  if (place?.status === 'confirmed') {
    return { kind: 'booked', bookingId: place.bookingId, canCancel: session.bookable };
  }
  if (place?.status === 'waitlisted') {
    return {
      kind: 'waiting',
      bookingId: place.bookingId,
      position: place.waitlistPosition,
      canCancel: session.bookable,
    };
  }
  if (!session.bookable) {
    return new Date(session.bookingOpensAt) > now
      ? { kind: 'not_open', opensAt: session.bookingOpensAt }
      : { kind: 'closed' };
  }
  if (heldSeat && heldSeat.sessionId !== session.id) {
    return session.seatsLeft > 0
      ? { kind: 'move', seat: heldSeat }
      : { kind: 'full_cannot_move', seat: heldSeat };
  }
  return session.seatsLeft > 0 ? { kind: 'book' } : { kind: 'join_waitlist' };
}
