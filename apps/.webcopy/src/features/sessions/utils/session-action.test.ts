import { describe, expect, it } from 'vitest';
import { sessionAction } from './session-action.ts';

const NOW = new Date('2026-11-26T01:00:00Z');
const OPEN = {
  id: 7,
  status: 'scheduled' as const,
  cancelReason: null,
  myPlace: null,
  bookable: true,
  bookingOpensAt: '2026-04-01T00:00:00Z',
  seatsLeft: 3,
};
const SEAT = { bookingId: 40, sessionId: 8, startsAt: '2027-02-03T01:00:00Z' };

describe('the action a session offers', () => {
  it('books a free seat, or joins the waitlist when full', () => {
    expect(sessionAction(OPEN, undefined, NOW)).toEqual({ kind: 'book' });
    expect(sessionAction({ ...OPEN, seatsLeft: 0 }, undefined, NOW)).toEqual({
      kind: 'join_waitlist',
    });
  });

  it('moves the seat I hold on another session of the course, if this one has room', () => {
    expect(sessionAction(OPEN, SEAT, NOW)).toEqual({ kind: 'move', seat: SEAT });
    expect(sessionAction({ ...OPEN, seatsLeft: 0 }, SEAT, NOW)).toEqual({
      kind: 'full_cannot_move',
      seat: SEAT,
    });
  });

  it('shows my own place first', () => {
    const booked = {
      ...OPEN,
      myPlace: { bookingId: 1, status: 'confirmed' as const, waitlistPosition: null },
    };
    expect(sessionAction(booked, undefined, NOW)).toEqual({
      kind: 'booked',
      bookingId: 1,
      canCancel: true,
    });
    const waiting = {
      ...OPEN,
      bookable: false,
      myPlace: { bookingId: 2, status: 'waitlisted' as const, waitlistPosition: 3 },
    };
    expect(sessionAction(waiting, SEAT, NOW)).toEqual({
      kind: 'waiting',
      bookingId: 2,
      position: 3,
      canCancel: false,
    });
  });

  it('explains why a session cannot be booked', () => {
    expect(
      sessionAction({ ...OPEN, status: 'cancelled', cancelReason: '講師急病' }, undefined, NOW),
    ).toEqual({
      kind: 'cancelled',
      reason: '講師急病',
    });
    expect(
      sessionAction(
        { ...OPEN, bookable: false, bookingOpensAt: '2026-12-01T00:00:00Z' },
        undefined,
        NOW,
      ),
    ).toEqual({ kind: 'not_open', opensAt: '2026-12-01T00:00:00Z' });
    expect(sessionAction({ ...OPEN, bookable: false }, undefined, NOW)).toEqual({ kind: 'closed' });
  });
});
