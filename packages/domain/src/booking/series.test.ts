import { describe, expect, it } from 'vitest';
import { refusalOf } from '../refusal.testing.ts';
import { assertNoOverlap, assertTimeRange, expandSeries } from './series.ts';

describe('expandSeries', () => {
  it('makes one session per date and start time, in Tokyo time, in order', () => {
    const sessions = expandSeries({
      dates: ['2026-09-25', '2026-09-24'],
      startTimes: ['14:00', '10:00'],
      durationMinutes: 90,
    });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-09-24T01:00:00.000Z',
      '2026-09-24T05:00:00.000Z',
      '2026-09-25T01:00:00.000Z',
      '2026-09-25T05:00:00.000Z',
    ]);
    expect(sessions[0]!.endsAt.toISOString()).toBe('2026-09-24T02:30:00.000Z');
  });

  it('closes booking at 17:00 on the working day before, skipping weekends and holidays', () => {
    // Thursday 24 Sept 2026 follows a weekend and three holidays (21–23 Sept): Friday the 18th.
    const [first] = expandSeries({
      dates: ['2026-09-24'],
      startTimes: ['10:00'],
      durationMinutes: 60,
    });
    expect(first!.bookingCutoffAt.toISOString()).toBe('2026-09-18T08:00:00.000Z');
  });

  it('refuses sessions of one series that overlap, and durations outside a day', () => {
    expect(
      refusalOf(() =>
        expandSeries({
          dates: ['2026-10-01'],
          startTimes: ['10:00', '11:00'],
          durationMinutes: 90,
        }),
      ),
    ).toBe('OVERLAPPING_SESSIONS');
    expect(
      refusalOf(() =>
        expandSeries({ dates: ['2026-10-01'], startTimes: ['10:00'], durationMinutes: 0 }),
      ),
    ).toBe('INVALID_TIME_RANGE');
    expect(
      refusalOf(() =>
        expandSeries({
          dates: ['2026-10-01'],
          startTimes: ['10:00'],
          durationMinutes: 24 * 60 + 1,
        }),
      ),
    ).toBe('INVALID_TIME_RANGE');
  });

  it('lets one session end exactly when the next starts', () => {
    expect(
      refusalOf(() =>
        assertNoOverlap([
          { startsAt: new Date('2026-10-01T01:00:00Z'), endsAt: new Date('2026-10-01T02:00:00Z') },
          { startsAt: new Date('2026-10-01T02:00:00Z'), endsAt: new Date('2026-10-01T03:00:00Z') },
        ]),
      ),
    ).toBe('ok');
  });
});

describe('assertTimeRange', () => {
  it('needs the end after the start', () => {
    const at = new Date('2026-10-01T01:00:00Z');
    expect(refusalOf(() => assertTimeRange(at, at))).toBe('INVALID_TIME_RANGE');
    expect(refusalOf(() => assertTimeRange(at, new Date(at.getTime() + 1)))).toBe('ok');
  });
});
