import { describe, expect, it } from 'vitest';
import { refusalOf } from '../refusal.testing.ts';
import {
  assertBookable,
  bookingWindowOf,
  canCancelSelf,
  promotesWaitlist,
  type BookableSession,
} from './booking-window.ts';

/** What booking `session` at `at` meets: 'bookable' or the refusal's code. */
const bookingAt = (session: BookableSession, at: Date) =>
  refusalOf(() => assertBookable(session, at), 'bookable');

const session: BookableSession = {
  status: 'scheduled',
  bookingOpensAt: new Date('2026-09-01T00:00:00Z'),
  bookingCutoffAt: new Date('2026-09-17T08:00:00Z'),
  startsAt: new Date('2026-09-18T01:00:00Z'),
};
describe('assertBookable', () => {
  it('takes bookings from the moment booking opens until just before the cut-off', () => {
    expect(bookingAt(session, new Date('2026-08-31T23:59:59Z'))).toBe('BOOKING_NOT_OPEN');
    expect(bookingAt(session, session.bookingOpensAt)).toBe('bookable');
    expect(bookingAt(session, new Date('2026-09-17T07:59:59Z'))).toBe('bookable');
    expect(bookingAt(session, session.bookingCutoffAt)).toBe('BOOKING_CLOSED');
  });

  it('closes at the start even when the cut-off was set later', () => {
    const late = { ...session, bookingCutoffAt: new Date('2026-09-18T05:00:00Z') };
    expect(bookingAt(late, session.startsAt)).toBe('BOOKING_CLOSED');
  });

  it('refuses a cancelled session before anything else', () => {
    const cancelled = { ...session, status: 'cancelled' as const };
    expect(bookingAt(cancelled, new Date('2026-09-10T00:00:00Z'))).toBe('SESSION_CANCELLED');
    expect(bookingAt(cancelled, new Date('2026-08-01T00:00:00Z'))).toBe('SESSION_CANCELLED');
  });
});

describe('after the cut-off', () => {
  it('the person can no longer cancel themself', () => {
    expect(canCancelSelf(session, new Date('2026-09-17T07:59:59Z'))).toBe(true);
    expect(canCancelSelf(session, session.bookingCutoffAt)).toBe(false);
  });

  it('nobody is promoted from the waitlist, nor from a cancelled session', () => {
    expect(promotesWaitlist(session, new Date('2026-09-10T00:00:00Z'))).toBe(true);
    expect(promotesWaitlist(session, session.bookingCutoffAt)).toBe(false);
    expect(
      promotesWaitlist({ ...session, status: 'cancelled' }, new Date('2026-09-10T00:00:00Z')),
    ).toBe(false);
  });
});

describe('bookingWindowOf', () => {
  it('reads the window of a session as stored, so a stored row is judged like any other', () => {
    const stored = {
      status: 'scheduled' as const,
      starts_at: session.startsAt,
      booking_opens_at: session.bookingOpensAt,
      booking_cutoff_at: session.bookingCutoffAt,
    };
    expect(bookingWindowOf(stored)).toEqual(session);
  });
});
