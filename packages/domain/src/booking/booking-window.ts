import { AppError } from '../errors.ts';

/** The parts of a session that decide whether it can be booked now. */
export interface BookableSession {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  bookingOpensAt: Date;
  bookingCutoffAt: Date;
}

/**
 * The booking window of a session as stored (a row of `training_session`): what assertBookable
 * and promotesWaitlist look at.
 */
export function bookingWindowOf(session: {
  status: BookableSession['status'];
  starts_at: Date;
  booking_opens_at: Date;
  booking_cutoff_at: Date;
}): BookableSession {
  return {
    status: session.status,
    startsAt: session.starts_at,
    bookingOpensAt: session.booking_opens_at,
    bookingCutoffAt: session.booking_cutoff_at,
  };
}

/**
 * Throws the reason a session cannot take a booking (or a place on its waitlist) at `now`.
 * Past the cut-off nobody books, full or not: the training office has closed the bookings.
 */
export function assertBookable(session: BookableSession, now: Date): void {
  if (session.status === 'cancelled') {
    throw new AppError('SESSION_CANCELLED', 'This session has been cancelled');
  }
  if (now < session.bookingOpensAt) {
    throw new AppError('BOOKING_NOT_OPEN', 'Booking for this session has not opened yet', {
      opensAt: session.bookingOpensAt.toISOString(),
    });
  }
  if (now >= session.bookingCutoffAt || now >= session.startsAt) {
    throw new AppError('BOOKING_CLOSED', 'Booking for this session has closed', {
      cutoffAt: session.bookingCutoffAt.toISOString(),
    });
  }
}

/** Whether the person themself may still cancel; after the cut-off only an admin can. */
export function canCancelSelf(
  session: Pick<BookableSession, 'bookingCutoffAt'>,
  now: Date,
): boolean {
  return now < session.bookingCutoffAt;
}

/** Waiting people are promoted only while the bookings are still open. */
export function promotesWaitlist(session: BookableSession, now: Date): boolean {
  return session.status === 'scheduled' && now < session.bookingCutoffAt && now < session.startsAt;
}
