import { describe, expect, it } from 'vitest';
import { holidaysBetween } from '../working-days.ts';
import { dayWarnings, timesOverlap, venueKey } from './schedule-warnings.ts';

const at = (iso: string) => new Date(iso);

describe('warnings about the day of a session', () => {
  it('says nothing about an ordinary weekday', () => {
    expect(dayWarnings(at('2026-09-01T10:00:00+09:00'), at('2026-09-01T11:30:00+09:00'))).toEqual(
      [],
    );
  });

  it('names a weekend day in Tokyo, even when the instant is still Friday in UTC', () => {
    expect(dayWarnings(at('2026-09-05T08:00:00+09:00'), at('2026-09-05T09:00:00+09:00'))).toEqual([
      { kind: 'weekend', date: '2026-09-05' },
    ]);
  });

  it('names the holiday in Japanese and English', () => {
    expect(dayWarnings(at('2026-09-21T10:00:00+09:00'), at('2026-09-21T11:00:00+09:00'))).toEqual([
      {
        kind: 'holiday',
        date: '2026-09-21',
        nameJa: '敬老の日',
        nameEn: 'Respect for the Aged Day',
      },
    ]);
  });

  it('names a holiday that falls on a weekend as both', () => {
    const kinds = dayWarnings(at('2027-01-10T10:00:00+09:00'), at('2027-01-10T11:00:00+09:00')).map(
      (w) => w.kind,
    );
    expect(kinds).toEqual(['weekend']);
    expect(
      dayWarnings(at('2026-05-03T10:00:00+09:00'), at('2026-05-03T11:00:00+09:00')).map(
        (w) => w.kind,
      ),
    ).toEqual(['weekend', 'holiday']);
  });

  it('warns of the year-end closure, which is not a national holiday', () => {
    expect(dayWarnings(at('2026-12-29T10:00:00+09:00'), at('2026-12-29T11:00:00+09:00'))).toEqual([
      { kind: 'year_end_closure', date: '2026-12-29' },
    ]);
  });

  it('lists the holidays of a month for the calendar', () => {
    expect(holidaysBetween('2026-09-01', '2026-09-30').map((h) => [h.date, h.nameJa])).toEqual([
      ['2026-09-21', '敬老の日'],
      ['2026-09-22', '休日'],
      ['2026-09-23', '秋分の日'],
    ]);
  });
});

describe('sessions in the same venue', () => {
  it('treats spacing and case as the same room, and no venue as none', () => {
    expect(venueKey(' Room  A ')).toBe(venueKey('room a'));
    expect(venueKey('　')).toBeNull();
    expect(venueKey(null)).toBeNull();
  });

  it('overlaps only when the times share a moment', () => {
    const a = { startsAt: at('2026-09-01T10:00:00Z'), endsAt: at('2026-09-01T11:00:00Z') };
    expect(
      timesOverlap(a, { startsAt: at('2026-09-01T10:30:00Z'), endsAt: at('2026-09-01T12:00:00Z') }),
    ).toBe(true);
    expect(
      timesOverlap(a, { startsAt: at('2026-09-01T11:00:00Z'), endsAt: at('2026-09-01T12:00:00Z') }),
    ).toBe(false);
  });
});
