import { describe, expect, it } from 'vitest';
import { reportWeeks, weekStartOf, weeklyProgress } from './weeks.ts';

describe('progress by week', () => {
  it('weeks start on Monday, from the week of 1 April', () => {
    expect(weekStartOf('2026-04-01')).toBe('2026-03-30'); // a Wednesday
    expect(weekStartOf('2026-04-06')).toBe('2026-04-06'); // a Monday
    expect(weekStartOf('2026-04-12')).toBe('2026-04-06'); // a Sunday
    const weeks = reportWeeks(2026, '2026-04-20');
    expect(weeks).toEqual(['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20']);
  });

  it('a closed year runs to its last week, and a year not begun has no weeks', () => {
    const weeks = reportWeeks(2025, '2030-01-01');
    expect(weeks[0]).toBe('2025-03-31');
    expect(weeks.at(-1)).toBe('2026-03-30');
    expect(weeks).toHaveLength(53);
    expect(reportWeeks(2027, '2026-12-01')).toEqual([]);
  });

  it('adds up completions per week and keeps a running total; late credits land in the last week', () => {
    const weeks = reportWeeks(2026, '2026-04-20');
    const progress = weeklyProgress(weeks, [
      { day: '2026-04-01', completions: 2 },
      { day: '2026-04-07', completions: 3 },
      { day: '2026-04-12', completions: 1 },
      { day: '2026-05-30', completions: 4 },
    ]);
    expect(progress).toEqual([
      { weekStart: '2026-03-30', completions: 2, cumulative: 2 },
      { weekStart: '2026-04-06', completions: 4, cumulative: 6 },
      { weekStart: '2026-04-13', completions: 0, cumulative: 6 },
      { weekStart: '2026-04-20', completions: 4, cumulative: 10 },
    ]);
  });
});
