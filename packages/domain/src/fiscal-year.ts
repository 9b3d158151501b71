import { validation } from './errors.ts';

// Asia/Tokyo has been a fixed UTC+9 with no daylight saving since 1951, so a constant offset
// is exact and keeps these functions independent of the host's TZ and of Intl data.
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The fiscal year's span: instants for range queries, calendar days for display. */
export interface FiscalYearRange {
  /** 1 April 00:00 JST. */
  start: Date;
  /** The next 1 April 00:00 JST (exclusive upper bound). */
  endExclusive: Date;
  /** 'YYYY-04-01'. */
  firstDay: string;
  /** The next year's 'YYYY-03-31'. */
  lastDay: string;
}

interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

/** Milliseconds of 00:00 UTC on a calendar day; avoids Date.UTC mapping years 0–99 to 19xx. */
function utcMidnightMs({ year, month, day }: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function parseDate(date: string): CalendarDate {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const parsed = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    // Round-trip to reject days that do not exist, such as 2026-02-30.
    if (formatUtcDate(new Date(utcMidnightMs(parsed))) === date) return parsed;
  }
  throw validation(`not a calendar date (YYYY-MM-DD): ${date}`, { date });
}

function formatUtcDate(d: Date): string {
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) throw validation(`${name} must be an integer`, { [name]: value });
}

/** The calendar day ('YYYY-MM-DD') of an instant in Asia/Tokyo. */
export function tokyoDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    throw validation('instant is invalid or outside years 0000–9999', { instant: String(instant) });
  }
  return formatUtcDate(shifted);
}

/**
 * An instant as Asia/Tokyo wall-clock time with its offset ('2026-12-06T04:59:56+09:00'): how
 * every export writes a time, so nobody reads UTC as local. Accepts a Date or an ISO string;
 * null or undefined give ''.
 */
export function tokyoTimestamp(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime()))
    throw validation('instant is invalid', { instant: String(instant) });
  return `${new Date(at.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** The instant of a wall-clock time ('HH:MM') on a calendar day ('YYYY-MM-DD') in Asia/Tokyo. */
export function tokyoDateTime(date: string, time: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw validation(`not a time of day (HH:MM): ${time}`, { time });
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return new Date(utcMidnightMs(parseDate(date)) + minutes * 60_000 - TOKYO_OFFSET_MS);
}

/** The calendar day `n` days after `date` (negative `n` goes back). */
export function addDays(date: string, n: number): string {
  assertInteger(n, 'n');
  return formatUtcDate(new Date(utcMidnightMs(parseDate(date)) + n * DAY_MS));
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMidnightMs(parseDate(date))).getUTCDay();
}

/** The fiscal year (年度) a calendar day belongs to: April–December of Y and January–March of Y+1 are FY Y. */
export function fiscalYearOfDate(date: string): number {
  const { year, month } = parseDate(date);
  return month >= 4 ? year : year - 1;
}

/** The fiscal year (年度) of an instant, judged by the calendar day in Asia/Tokyo. */
export function fiscalYearOf(instant: Date): number {
  return fiscalYearOfDate(tokyoDateOf(instant));
}

/** The fiscal year in force now (or at `now`), in Asia/Tokyo. */
export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(now);
}

/** Whether `fy` is a fiscal year the product accepts as input: an integer from 2000 to 2100. */
export function isValidFiscalYear(fy: unknown): fy is number {
  return typeof fy === 'number' && Number.isInteger(fy) && fy >= 2000 && fy <= 2100;
}

/** 1 April 00:00 JST of `fy` up to (not including) 1 April 00:00 JST of `fy + 1`. */
export function fiscalYearRange(fy: number): FiscalYearRange {
  assertInteger(fy, 'fy');
  const firstDay = `${String(fy).padStart(4, '0')}-04-01`;
  const nextFirstDay = `${String(fy + 1).padStart(4, '0')}-04-01`;
  return {
    start: tokyoDateTime(firstDay, '00:00'),
    endExclusive: tokyoDateTime(nextFirstDay, '00:00'),
    firstDay,
    lastDay: addDays(nextFirstDay, -1),
  };
}

// An era names a whole fiscal year from the first one that starts in it, except FY2019, which
// the government named 令和元年度 although Reiwa began on 1 May 2019. FY1926 straddles
// Taisho/Showa and is older than any record this product holds, so labels start at FY1927.
const ERAS = [
  { name: '令和', firstFiscalYear: 2019 },
  { name: '平成', firstFiscalYear: 1989 },
  { name: '昭和', firstFiscalYear: 1926 },
] as const;
const FIRST_LABELLED_FISCAL_YEAR = 1927;

/** The label users see: `令和8年度` / `FY2026`; the first year of an era is 元年 (`令和元年度`). */
export function fiscalYearLabel(fy: number, locale: 'ja' | 'en'): string {
  assertInteger(fy, 'fy');
  if (locale === 'en') return `FY${fy}`;
  const era = ERAS.find((e) => fy >= e.firstFiscalYear);
  if (!era || fy < FIRST_LABELLED_FISCAL_YEAR) {
    throw validation(`no Japanese era label for fiscal year ${fy}`, { fy });
  }
  const eraYear = fy - era.firstFiscalYear + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年度`;
}
