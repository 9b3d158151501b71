import { addDays, fiscalYearRange, weekdayOf } from '../fiscal-year.ts';

/** The Monday of the week a calendar day falls in. */
export function weekStartOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/**
 * The weeks (by their Monday) a fiscal year's progress chart shows: from the week of 1 April to
 * the week of `until` (the report's day), never past the year's last day.
 */
export function reportWeeks(fiscalYear: number, until: string): string[] {
  const { firstDay, lastDay } = fiscalYearRange(fiscalYear);
  const end = until < lastDay ? until : lastDay;
  const weeks: string[] = [];
  if (end < firstDay) return weeks;
  for (let w = weekStartOf(firstDay); w <= end; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

export interface WeekProgress {
  /** Monday of the week. */
  weekStart: string;
  /** Completions recorded that week. */
  completions: number;
  /** Completions up to the end of that week. */
  cumulative: number;
}

/**
 * Cumulative completions per week from completions per day. A completion dated before the first
 * week (recorded early) counts in the first; one after the last (a late credit) in the last.
 */
export function weeklyProgress(
  weeks: readonly string[],
  perDay: readonly { day: string; completions: number }[],
): WeekProgress[] {
  const first = weeks[0];
  if (first === undefined) return [];
  const counts = new Map<string, number>(weeks.map((w) => [w, 0]));
  const last = weeks[weeks.length - 1] ?? first;
  for (const { day, completions } of perDay) {
    const w = weekStartOf(day);
    const bucket = w < first ? first : w > last ? last : w;
    counts.set(bucket, (counts.get(bucket) ?? 0) + completions);
  }
  let cumulative = 0;
  return weeks.map((weekStart) => {
    const completions = counts.get(weekStart) ?? 0;
    cumulative += completions;
    return { weekStart, completions, cumulative };
  });
}
