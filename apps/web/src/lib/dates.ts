import { tokyoDateOf, tokyoDateTime } from '@kenshu/domain';
import { INTL_LOCALES, type Language } from './i18n.ts';

// Training happens in Japan: every date and time is shown in Tokyo time, whatever the device's
// own time zone is (staff on overseas postings see the same day as head office).
const TIME_ZONE = 'Asia/Tokyo';
const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a DateTimeFormat is costly and tables format many cells, so each one is made once.
function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[lang], { ...options, timeZone: TIME_ZONE });
    formatters.set(key, format);
  }
  return format;
}

/** A calendar day ('YYYY-MM-DD', as the API sends them): `2026年4月1日(水)` / `Wed, 1 Apr 2026`. */
export function formatDate(date: string, lang: Language): string {
  return formatter(lang, {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoDateTime(date, '00:00'));
}

/**
 * An instant as a Tokyo date and time: `2026/04/01 09:30` / `Wed, 1 Apr 2026 09:30`. English
 * writes the day as formatDate does, so one format is used everywhere (never `01/04/2026`, which
 * half the world reads as 4 January).
 */
export function formatDateTime(instant: Date | number, lang: Language): string {
  if (lang === 'en') {
    const at = new Date(instant);
    return `${formatDate(tokyoDateOf(at), lang)} ${tokyoTime(at.toISOString(), lang)}`;
  }
  return formatter(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** `10:00` in Tokyo (24-hour), whatever the device's time zone. */
export function tokyoTime(instant: string, lang: Language): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** A moment as its day and time in Tokyo: `2027年2月2日(火) 10:00`. */
export function tokyoDayTime(instant: string, lang: Language): string {
  return `${formatDate(tokyoDateOf(new Date(instant)), lang)} ${tokyoTime(instant, lang)}`;
}

/** A session's day with its weekday and its hours: `2027年2月2日(火) 10:00–11:30`. */
export function sessionTimeLabel(startsAt: string, endsAt: string, lang: Language): string {
  return `${tokyoDayTime(startsAt, lang)}–${tokyoTime(endsAt, lang)}`;
}

/** Whether the instant falls on today's date in Tokyo. */
export function isTokyoToday(instant: string, now: Date = new Date()): boolean {
  return tokyoDateOf(new Date(instant)) === tokyoDateOf(now);
}

/** Whole calendar days from today in Tokyo to `date` ('YYYY-MM-DD'); negative once it is past. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = tokyoDateTime(tokyoDateOf(now), '00:00');
  return Math.round((tokyoDateTime(date, '00:00').getTime() - today.getTime()) / DAY_MS);
}
