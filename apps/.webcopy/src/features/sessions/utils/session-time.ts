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

/** The session's day with its weekday and its hours: `2027年2月2日(火) 10:00–11:30`. */
export function sessionTimeLabel(startsAt: string, endsAt: string, lang: Language): string {
  const day = formatDate(tokyoDateOf(new Date(startsAt)), lang);
  return `${day} ${tokyoTime(startsAt, lang)}–${tokyoTime(endsAt, lang)}`;
}

/** A moment as its day and time in Tokyo: `2027年2月2日(火) 10:00`. */
export function tokyoDayTimeLabel(instant: string, lang: Language): string {
  return `${formatDate(tokyoDateOf(new Date(instant)), lang)} ${tokyoTime(instant, lang)}`;
}

/** A month ('YYYY-MM') as its name: `2027年2月` / `Feb 2027`. */
export function monthLabel(month: string, lang: Language): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(INTL_LOCALES[lang], {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1));
}

/** The twelve months of a fiscal year, April to March, as 'YYYY-MM'. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1;
    const y = i < 9 ? fiscalYear : fiscalYear + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}
