import { AppError } from '../errors.ts';
import { tokyoDateTime } from '../fiscal-year.ts';
import { defaultBookingCutoff } from '../working-days.ts';

/** One session to create: when it runs and when its booking closes. */
export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
  bookingCutoffAt: Date;
}

export function assertTimeRange(startsAt: Date, endsAt: Date): void {
  if (!(endsAt > startsAt)) {
    throw new AppError('INVALID_TIME_RANGE', 'A session must end after it starts', {
      field: 'endsAt',
    });
  }
}

/**
 * Expands a series ("these September dates at 10:00 and 14:00, 90 minutes each") into sessions,
 * in Asia/Tokyo wall-clock time. Two sessions of the same series may not overlap.
 */
export function expandSeries(input: {
  dates: readonly string[];
  startTimes: readonly string[];
  durationMinutes: number;
}): SessionTimes[] {
  if (input.durationMinutes <= 0 || input.durationMinutes > 24 * 60) {
    throw new AppError('INVALID_TIME_RANGE', 'Duration must be between 1 minute and 24 hours', {
      field: 'durationMinutes',
    });
  }
  const sessions = input.dates.flatMap((date) =>
    input.startTimes.map((time) => {
      const startsAt = tokyoDateTime(date, time);
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      return { startsAt, endsAt, bookingCutoffAt: defaultBookingCutoff(startsAt) };
    }),
  );
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  assertNoOverlap(sessions);
  return sessions;
}

/** Throws OVERLAPPING_SESSIONS naming the first two sessions that share time. */
export function assertNoOverlap(sessions: readonly { startsAt: Date; endsAt: Date }[]): void {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (prev && next && next.startsAt < prev.endsAt) {
      throw new AppError('OVERLAPPING_SESSIONS', 'Two sessions of the series overlap', {
        first: prev.startsAt.toISOString(),
        second: next.startsAt.toISOString(),
      });
    }
  }
}
