import { tokyoDateOf } from '@kenshu/domain';
import { formatDate } from '../../../lib/dates.ts';
import { INTL_LOCALES, type Language } from '../../../lib/i18n.ts';

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/** `10:00` in Tokyo, whatever the device's time zone. */
export function tokyoTime(instant: string, lang: Language): string {
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[lang], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Tokyo',
    });
    timeFormats.set(lang, format);
  }
  return format.format(new Date(instant));
}

/** A moment as its day and time in Tokyo: `2027年2月2日(火) 10:00`. */
export function tokyoDayTime(instant: string, lang: Language): string {
  return `${formatDate(tokyoDateOf(new Date(instant)), lang)} ${tokyoTime(instant, lang)}`;
}

/** The session's day and hours: `2027年2月2日(火) 10:00–11:30`. */
export function sessionTimeLabel(startsAt: string, endsAt: string, lang: Language): string {
  return `${tokyoDayTime(startsAt, lang)}–${tokyoTime(endsAt, lang)}`;
}

/** Whether the instant falls on today's date in Tokyo. */
export function isTokyoToday(instant: string, now: Date = new Date()): boolean {
  return tokyoDateOf(new Date(instant)) === tokyoDateOf(now);
}
