import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, tokyoDateOf, tokyoDateTime, weekdayOf } from './fiscal-year.ts';

/** Wall-clock time (JST) at which booking closes on the working day before a session. */
export const BOOKING_CUTOFF_TIME = '17:00';

function isYearEndClosure(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

/**
 * Whether government offices are open on a calendar day ('YYYY-MM-DD'): not a Saturday or
 * Sunday, not a national holiday (incl. substitute and citizens' holidays), and not the
 * year-end closure of 29 December – 3 January. Holiday data comes from
 * `@holiday-jp/holiday_jp` and, at version 2.5, covers 1970–2050.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(date); // also validates the format
  if (weekday === 0 || weekday === 6) return false;
  if (isYearEndClosure(date)) return false;
  // Pass the string, not a Date: the library formats Dates with the host's local time zone.
  return !holidayJp.isHoliday(date);
}

/** The latest working day strictly before `date`. */
export function previousWorkingDay(date: string): string {
  let day = addDays(date, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * Default booking cut-off for a session: 17:00 JST on the working day before the session's day in
 * Tokyo. 17:00 rather than midnight so that the organiser can settle the attendance sheet and the
 * room before leaving that day; bookings made over a weekend or holiday would otherwise reach them
 * only on the morning of the session.
 */
export function defaultBookingCutoff(sessionStart: Date): Date {
  return tokyoDateTime(previousWorkingDay(tokyoDateOf(sessionStart)), BOOKING_CUTOFF_TIME);
}

/** A national holiday's name in both languages. */
export interface Holiday {
  date: string;
  nameJa: string;
  nameEn: string;
}

const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string } | undefined>> =
  holidayJp.holidays;

/** The national holiday on a calendar day ('YYYY-MM-DD'), if it is one. */
export function holidayOn(date: string): Holiday | undefined {
  const found = HOLIDAYS[date];
  return found ? { date, nameJa: found.name, nameEn: found.name_en } : undefined;
}

/** The national holidays from `from` to `to` inclusive ('YYYY-MM-DD'), in date order. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const days: Holiday[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const holiday = holidayOn(day);
    if (holiday) days.push(holiday);
  }
  return days;
}
