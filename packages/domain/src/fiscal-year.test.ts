import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isAppError } from './errors.ts';
import {
  addDays,
  currentFiscalYear,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearOfDate,
  fiscalYearRange,
  isValidFiscalYear,
  tokyoDateOf,
  tokyoTimestamp,
  tokyoDateTime,
  weekdayOf,
} from './fiscal-year.ts';

function errorCodeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('fiscalYearOf', () => {
  it('puts the last millisecond of 31 March (JST) in the fiscal year that is ending', () => {
    expect(fiscalYearOf(new Date('2027-03-31T23:59:59+09:00'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-03-31T23:59:59.999+09:00'))).toBe(2026);
  });

  it('starts the new fiscal year at 1 April 00:00 JST', () => {
    expect(fiscalYearOf(new Date('2027-04-01T00:00:00+09:00'))).toBe(2027);
  });

  it('judges by the Tokyo day, not the UTC day, for the same instants written in UTC', () => {
    expect(fiscalYearOf(new Date('2027-03-31T14:59:59Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-03-31T15:00:00Z'))).toBe(2027);
  });

  it('counts January to March as the previous fiscal year', () => {
    expect(fiscalYearOf(new Date('2012-02-15T10:00:00+09:00'))).toBe(2011);
    expect(fiscalYearOf(new Date('2026-04-01T00:00:00+09:00'))).toBe(2026);
  });
});

describe('fiscalYearOfDate', () => {
  it('maps calendar days on either side of 1 April', () => {
    expect(fiscalYearOfDate('2027-03-31')).toBe(2026);
    expect(fiscalYearOfDate('2027-04-01')).toBe(2027);
    expect(fiscalYearOfDate('2026-12-31')).toBe(2026);
    expect(fiscalYearOfDate('2027-01-01')).toBe(2026);
  });

  it('rejects strings that are not real calendar days', () => {
    expect(errorCodeOf(() => fiscalYearOfDate('2026-02-30'))).toBe('VALIDATION');
    expect(errorCodeOf(() => fiscalYearOfDate('2026-4-1'))).toBe('VALIDATION');
    expect(errorCodeOf(() => fiscalYearOfDate('2026-04-01T00:00'))).toBe('VALIDATION');
  });
});

describe('fiscalYearRange', () => {
  it('spans 1 April to 31 March as JST instants and as calendar days', () => {
    expect(fiscalYearRange(2026)).toEqual({
      start: new Date('2026-04-01T00:00:00+09:00'),
      endExclusive: new Date('2027-04-01T00:00:00+09:00'),
      firstDay: '2026-04-01',
      lastDay: '2027-03-31',
    });
  });

  it('gives FY2011 (平成23年度) as 2011-04-01 … 2012-03-31', () => {
    const range = fiscalYearRange(2011);
    expect([range.firstDay, range.lastDay]).toEqual(['2011-04-01', '2012-03-31']);
    expect(range.start.toISOString()).toBe('2011-03-31T15:00:00.000Z');
  });

  it('contains every instant it is computed from', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2150-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (t) => {
          const { start, endExclusive } = fiscalYearRange(fiscalYearOf(t));
          return start.getTime() <= t.getTime() && t.getTime() < endExclusive.getTime();
        },
      ),
    );
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    [2026, '令和8年度'],
    [2019, '令和元年度'],
    [2020, '令和2年度'],
    [2018, '平成30年度'],
    [2011, '平成23年度'],
    [1989, '平成元年度'],
    [1988, '昭和63年度'],
    [1927, '昭和2年度'],
  ])('labels FY%i as %s in Japanese', (fy, label) => {
    expect(fiscalYearLabel(fy, 'ja')).toBe(label);
  });

  it('labels the era change: FY2018 is the last Heisei year, FY2019 the first Reiwa year', () => {
    expect(fiscalYearLabel(2018, 'ja')).toBe('平成30年度');
    expect(fiscalYearLabel(2019, 'ja')).toBe('令和元年度');
  });

  it('labels fiscal years as FY2026 in English', () => {
    expect(fiscalYearLabel(2026, 'en')).toBe('FY2026');
    expect(fiscalYearLabel(2011, 'en')).toBe('FY2011');
  });

  it('refuses years it cannot name', () => {
    expect(errorCodeOf(() => fiscalYearLabel(1926, 'ja'))).toBe('VALIDATION');
    expect(errorCodeOf(() => fiscalYearLabel(2026.5, 'en'))).toBe('VALIDATION');
  });
});

describe('currentFiscalYear', () => {
  it('uses the given clock', () => {
    expect(currentFiscalYear(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(currentFiscalYear(new Date('2026-03-31T14:59:59.999Z'))).toBe(2025);
  });

  it('defaults to now', () => {
    expect(currentFiscalYear()).toBe(fiscalYearOf(new Date()));
  });
});

describe('isValidFiscalYear', () => {
  it('accepts integers from 2000 to 2100 only', () => {
    expect(isValidFiscalYear(2000)).toBe(true);
    expect(isValidFiscalYear(2026)).toBe(true);
    expect(isValidFiscalYear(2100)).toBe(true);
    expect(isValidFiscalYear(1999)).toBe(false);
    expect(isValidFiscalYear(2101)).toBe(false);
    expect(isValidFiscalYear(2026.5)).toBe(false);
    expect(isValidFiscalYear(Number.NaN)).toBe(false);
    expect(isValidFiscalYear('2026')).toBe(false);
  });
});

describe('Tokyo date helpers', () => {
  it('tokyoDateOf gives the JST calendar day of an instant', () => {
    expect(tokyoDateOf(new Date('2026-09-20T14:59:59.999Z'))).toBe('2026-09-20');
    expect(tokyoDateOf(new Date('2026-09-20T15:00:00Z'))).toBe('2026-09-21');
  });

  it('tokyoTimestamp writes an instant as Tokyo wall-clock time with +09:00', () => {
    expect(tokyoTimestamp(new Date('2026-12-05T19:59:56Z'))).toBe('2026-12-06T04:59:56+09:00');
    expect(tokyoTimestamp('2026-03-31T15:00:00.000Z')).toBe('2026-04-01T00:00:00+09:00');
    expect(tokyoTimestamp(null)).toBe('');
    expect(() => tokyoTimestamp('not a time')).toThrow();
  });

  it('tokyoDateOf rejects an invalid Date', () => {
    expect(errorCodeOf(() => tokyoDateOf(new Date('nonsense')))).toBe('VALIDATION');
  });

  it('tokyoDateTime gives the instant of a JST wall-clock time', () => {
    expect(tokyoDateTime('2026-09-18', '17:00').toISOString()).toBe('2026-09-18T08:00:00.000Z');
    expect(tokyoDateTime('2026-04-01', '00:00').toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(tokyoDateTime('2026-12-31', '23:59').toISOString()).toBe('2026-12-31T14:59:00.000Z');
  });

  it('tokyoDateTime rejects malformed times', () => {
    expect(errorCodeOf(() => tokyoDateTime('2026-09-18', '24:00'))).toBe('VALIDATION');
    expect(errorCodeOf(() => tokyoDateTime('2026-09-18', '9:00'))).toBe('VALIDATION');
  });

  it('tokyoDateTime and tokyoDateOf agree on the day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (t, h, m) => {
          const day = tokyoDateOf(t);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          return tokyoDateOf(tokyoDateTime(day, time)) === day;
        },
      ),
    );
  });

  it('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-09-21', 0)).toBe('2026-09-21');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('addDays refuses a fractional number of days', () => {
    expect(errorCodeOf(() => addDays('2026-01-01', 0.5))).toBe('VALIDATION');
  });

  it('weekdayOf counts from Sunday', () => {
    expect(weekdayOf('2026-09-20')).toBe(0);
    expect(weekdayOf('2026-09-21')).toBe(1);
    expect(weekdayOf('2026-09-19')).toBe(6);
  });
});
