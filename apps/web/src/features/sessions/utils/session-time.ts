import { INTL_LOCALES, type Language } from '../../../lib/i18n.ts';

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
