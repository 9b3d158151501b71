import { tokyoDateOf, tokyoDateTime } from '../fiscal-year.ts';

/** A language people read messages in. */
export type MessageLocale = 'ja' | 'en';

// The same shapes as the web app's dates (apps/web/src/lib/dates.ts), so a notice and its
// e-mail read alike: training happens in Japan, so every date and time is Tokyo's.
const INTL: Record<MessageLocale, string> = { ja: 'ja-JP', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: MessageLocale, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL[locale], { ...options, timeZone: 'Asia/Tokyo' });
    formatters.set(key, format);
  }
  return format;
}

/** A calendar day ('YYYY-MM-DD'): `2027年3月31日(水)` / `Wed, 31 Mar 2027`. */
export function messageDate(date: string, locale: MessageLocale): string {
  return formatter(locale, {
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoDateTime(date, '00:00'));
}

function time(instant: Date, locale: MessageLocale): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

/** An instant as its Tokyo day and time: `2027年2月2日(火) 10:00`. */
export function messageDateTime(instant: string, locale: MessageLocale): string {
  const at = new Date(instant);
  return `${messageDate(tokyoDateOf(at), locale)} ${time(at, locale)}`;
}

/** A session's day and hours in Tokyo: `2027年2月2日(火) 10:00–11:30`. */
export function messageTimeRange(startsAt: string, endsAt: string, locale: MessageLocale): string {
  return `${messageDateTime(startsAt, locale)}–${time(new Date(endsAt), locale)}`;
}
