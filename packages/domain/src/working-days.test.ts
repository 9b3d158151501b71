import { describe, it, expect, afterEach } from 'vitest';
import {
  BOOKING_CUTOFF_TIME,
  defaultBookingCutoff,
  isWorkingDay,
  previousWorkingDay,
} from './working-days.ts';

describe('isWorkingDay', () => {
  it('is false on Saturday and Sunday and true on an ordinary weekday', () => {
    expect(isWorkingDay('2026-10-03')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-04')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(true); // Monday
    expect(isWorkingDay('2026-10-02')).toBe(true); // Friday
  });

  it('is false through the September 2026 long weekend and true after it', () => {
    expect(isWorkingDay('2026-09-18')).toBe(true); // Friday
    expect(isWorkingDay('2026-09-21')).toBe(false); // 敬老の日
    expect(isWorkingDay('2026-09-22')).toBe(false); // 国民の休日, between two holidays
    expect(isWorkingDay('2026-09-23')).toBe(false); // 秋分の日
    expect(isWorkingDay('2026-09-24')).toBe(true); // Thursday
  });

  it('is false on a substitute holiday', () => {
    expect(isWorkingDay('2026-05-06')).toBe(false); // こどもの日 振替休日
  });

  it('is false during the 29 December – 3 January closure, even on weekdays', () => {
    expect(isWorkingDay('2026-12-28')).toBe(true); // Monday
    expect(isWorkingDay('2026-12-29')).toBe(false); // Tuesday
    expect(isWorkingDay('2026-12-30')).toBe(false);
    expect(isWorkingDay('2026-12-31')).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false); // 元日
    expect(isWorkingDay('2028-01-03')).toBe(false); // Monday
    expect(isWorkingDay('2028-01-04')).toBe(true); // Tuesday
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-13-01')).toThrow(/calendar date/);
  });

  describe('whatever the host time zone', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('gives the same answers in %s', (tz) => {
      process.env.TZ = tz;
      expect(isWorkingDay('2026-09-21')).toBe(false);
      expect(isWorkingDay('2026-09-24')).toBe(true);
      expect(defaultBookingCutoff(new Date('2026-10-05T09:30:00+09:00')).toISOString()).toBe(
        '2026-10-02T08:00:00.000Z',
      );
    });
  });
});

describe('previousWorkingDay', () => {
  it('is strictly before the given day', () => {
    expect(previousWorkingDay('2026-10-07')).toBe('2026-10-06');
  });

  it('skips the weekend', () => {
    expect(previousWorkingDay('2026-10-05')).toBe('2026-10-02');
  });

  it('skips a long weekend', () => {
    expect(previousWorkingDay('2026-09-24')).toBe('2026-09-18');
  });

  it('skips Golden Week', () => {
    expect(previousWorkingDay('2026-05-07')).toBe('2026-05-01');
  });

  it('skips the year-end closure', () => {
    expect(previousWorkingDay('2027-01-04')).toBe('2026-12-28');
  });
});

describe('defaultBookingCutoff', () => {
  it('closes at 17:00 JST', () => {
    expect(BOOKING_CUTOFF_TIME).toBe('17:00');
  });

  it('closes booking for a Monday session at 17:00 JST on the Friday before', () => {
    const cutoff = defaultBookingCutoff(new Date('2026-10-05T10:00:00+09:00'));
    expect(cutoff).toEqual(new Date('2026-10-02T17:00:00+09:00'));
  });

  it('uses the Tokyo day of the session, even when it is still Sunday in UTC', () => {
    // 00:30 on Monday in Tokyo is 15:30 on Sunday in UTC.
    const cutoff = defaultBookingCutoff(new Date('2026-10-04T15:30:00Z'));
    expect(cutoff).toEqual(new Date('2026-10-02T17:00:00+09:00'));
  });

  it('closes booking for a session after the September long weekend on the Friday before it', () => {
    const cutoff = defaultBookingCutoff(new Date('2026-09-24T14:00:00+09:00'));
    expect(cutoff).toEqual(new Date('2026-09-18T17:00:00+09:00'));
  });

  it('closes booking for the first session of the new year before the year-end closure', () => {
    const cutoff = defaultBookingCutoff(new Date('2027-01-04T10:00:00+09:00'));
    expect(cutoff).toEqual(new Date('2026-12-28T17:00:00+09:00'));
  });

  it('closes booking for a Tuesday session on Monday', () => {
    const cutoff = defaultBookingCutoff(new Date('2026-10-06T09:00:00+09:00'));
    expect(cutoff).toEqual(new Date('2026-10-05T17:00:00+09:00'));
  });
});
