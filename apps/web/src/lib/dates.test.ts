import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  formatDate,
  formatDateTime,
  isTokyoToday,
  sessionTimeLabel,
  tokyoDayTime,
  tokyoTime,
} from './dates.ts';

// The test runner's clock is UTC, so these also show that Tokyo time does not depend on it.
describe('dates in Tokyo time', () => {
  it('formats an instant as the Tokyo wall-clock time', () => {
    const lateEveningUtc = new Date('2026-03-31T15:30:00Z'); // 1 April 00:30 in Tokyo
    expect(formatDateTime(lateEveningUtc, 'ja')).toBe('2026/04/01 00:30');
    expect(formatDateTime(lateEveningUtc, 'en')).toBe('Wed, 1 Apr 2026 00:30');
  });

  it('formats a calendar day with its weekday in each language', () => {
    expect(formatDate('2026-04-01', 'ja')).toBe('2026年4月1日(水)');
    expect(formatDate('2026-04-01', 'en')).toBe('Wed, 1 Apr 2026');
  });

  it('says when a session is, on its Tokyo day', () => {
    const startsAt = '2027-02-01T15:00:00Z'; // 2 February 00:00 in Tokyo
    const endsAt = '2027-02-01T16:30:00Z';
    expect(tokyoTime(startsAt, 'ja')).toBe('00:00');
    expect(tokyoDayTime(startsAt, 'ja')).toBe('2027年2月2日(火) 00:00');
    expect(sessionTimeLabel(startsAt, endsAt, 'ja')).toBe('2027年2月2日(火) 00:00–01:30');
    expect(sessionTimeLabel(startsAt, endsAt, 'en')).toBe('Tue, 2 Feb 2027 00:00–01:30');
    expect(isTokyoToday(startsAt, new Date('2027-02-02T14:59:00Z'))).toBe(true);
    expect(isTokyoToday(startsAt, new Date('2027-02-02T15:00:00Z'))).toBe(false);
  });

  it('counts days to a date from today in Tokyo', () => {
    const tokyoMorningOfMarch30 = new Date('2027-03-29T23:00:00Z');
    expect(daysUntil('2027-03-31', tokyoMorningOfMarch30)).toBe(1);
    expect(daysUntil('2027-03-30', tokyoMorningOfMarch30)).toBe(0);
  });
});
