import { addDays, tokyoDateOf, weekdayOf } from '../fiscal-year.ts';
import { holidayOn } from '../working-days.ts';

/**
 * Something an admin should know before saving a session's time, without being stopped: staff
 * rarely come in on a weekend or holiday, and a room cannot hold two sessions at once. Each
 * warning names what it is about, so the admin can judge it.
 */
export type ScheduleWarning =
  | { kind: 'weekend'; date: string }
  | { kind: 'holiday'; date: string; nameJa: string; nameEn: string }
  | { kind: 'year_end_closure'; date: string }
  | {
      kind: 'venue_overlap';
      sessionId: number;
      courseCode: string;
      courseTitleJa: string;
      courseTitleEn: string;
      startsAt: Date;
      endsAt: Date;
      venue: string;
    };

/** Warnings about the calendar days (Tokyo) a session runs on: weekend, holiday, year-end closure. */
export function dayWarnings(startsAt: Date, endsAt: Date): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const last = tokyoDateOf(new Date(endsAt.getTime() - 1));
  // A session is hours long; the cap keeps a mistyped end from walking years of days.
  for (let day = tokyoDateOf(startsAt), n = 0; day <= last && n < 7; day = addDays(day, 1), n++) {
    const weekday = weekdayOf(day);
    const holiday = holidayOn(day);
    if (weekday === 0 || weekday === 6) warnings.push({ kind: 'weekend', date: day });
    if (holiday) warnings.push({ kind: 'holiday', ...holiday });
    const monthDay = day.slice(5);
    if (!holiday && (monthDay >= '12-29' || monthDay <= '01-03'))
      warnings.push({ kind: 'year_end_closure', date: day });
  }
  return warnings;
}

/** How venues compare: the same room typed with different spacing or case is the same room. */
export function venueKey(venue: string | null | undefined): string | null {
  const key = (venue ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return key === '' ? null : key;
}

/** Whether two time ranges share any moment (one ending as the other starts does not). */
export function timesOverlap(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
