import { describe, expect, it } from 'vitest';
import {
  assertBookingChangeable,
  assertSessionChangeable,
  hasStarted,
  sessionPhase,
  type SessionPhaseFacts,
} from './lifecycle.ts';

const session: SessionPhaseFacts = {
  status: 'scheduled',
  startsAt: new Date('2026-09-01T10:00:00+09:00'),
  endsAt: new Date('2026-09-01T11:30:00+09:00'),
  finalisedAt: null,
};
const at = (iso: string) => new Date(iso);

describe('session lifecycle', () => {
  it('is scheduled until the start, in progress until the end, then awaits its attendance sheet', () => {
    expect(sessionPhase(session, at('2026-09-01T09:59:59+09:00'))).toBe('scheduled');
    expect(sessionPhase(session, at('2026-09-01T10:00:00+09:00'))).toBe('in_progress');
    expect(sessionPhase(session, at('2026-09-01T11:29:59+09:00'))).toBe('in_progress');
    expect(sessionPhase(session, at('2026-09-01T11:30:00+09:00'))).toBe('awaiting_roster');
    expect(sessionPhase(session, at('2027-03-31T00:00:00+09:00'))).toBe('awaiting_roster');
  });

  it('is finalised once the attendance sheet is submitted, whatever the time', () => {
    const finalised = { ...session, finalisedAt: at('2026-09-01T11:40:00+09:00') };
    expect(sessionPhase(finalised, at('2026-09-01T11:45:00+09:00'))).toBe('finalised');
    expect(sessionPhase(finalised, at('2026-09-01T11:00:00+09:00'))).toBe('finalised');
  });

  it('is cancelled whatever else holds', () => {
    const cancelled = { ...session, status: 'cancelled' as const };
    expect(sessionPhase(cancelled, at('2026-08-01T00:00:00+09:00'))).toBe('cancelled');
    expect(sessionPhase(cancelled, at('2026-09-02T00:00:00+09:00'))).toBe('cancelled');
  });

  it('counts a session as started from its start on', () => {
    expect(hasStarted('scheduled')).toBe(false);
    expect(hasStarted('cancelled')).toBe(false);
    expect(hasStarted('in_progress')).toBe(true);
    expect(hasStarted('awaiting_roster')).toBe(true);
    expect(hasStarted('finalised')).toBe(true);
  });
});

describe('changing bookings of a session', () => {
  it('is allowed before the start', () => {
    expect(() => assertBookingChangeable('scheduled')).not.toThrow();
  });

  it('is refused once the session has started, and for history', () => {
    expect(() => assertBookingChangeable('in_progress')).toThrow(
      expect.objectContaining({ code: 'SESSION_STARTED' }),
    );
    expect(() => assertBookingChangeable('awaiting_roster')).toThrow(
      expect.objectContaining({ code: 'SESSION_STARTED' }),
    );
    expect(() => assertBookingChangeable('finalised')).toThrow(
      expect.objectContaining({ code: 'SESSION_FINALISED' }),
    );
  });
});

describe('changing a session', () => {
  it('needs no reason before the start', () => {
    expect(() => assertSessionChangeable('scheduled', 'edit', undefined)).not.toThrow();
    expect(() => assertSessionChangeable('scheduled', 'cancel', undefined)).not.toThrow();
  });

  it('needs a reason once it has started', () => {
    for (const phase of ['in_progress', 'awaiting_roster', 'finalised'] as const) {
      expect(() => assertSessionChangeable(phase, 'edit', undefined)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
      expect(() => assertSessionChangeable(phase, 'edit', '  ')).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
      expect(() => assertSessionChangeable(phase, 'edit', 'Venue was wrong')).not.toThrow();
    }
    expect(() => assertSessionChangeable('awaiting_roster', 'cancel', 'Fire drill')).not.toThrow();
  });

  it('never cancels a finalised session or changes a cancelled one', () => {
    expect(() => assertSessionChangeable('finalised', 'cancel', 'Mistake')).toThrow(
      expect.objectContaining({ code: 'SESSION_FINALISED' }),
    );
    expect(() => assertSessionChangeable('cancelled', 'edit', 'x')).toThrow(
      expect.objectContaining({ code: 'SESSION_CANCELLED' }),
    );
  });
});
