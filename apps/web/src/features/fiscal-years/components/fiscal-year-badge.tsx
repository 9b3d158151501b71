import { currentFiscalYear, fiscalYearLabel } from '@kenshu/domain';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useCurrentFiscalYear } from '../api/get-current-fiscal-year.ts';
import './fiscal-years.css';

/**
 * The current fiscal year for the header: 令和8年度 / FY2026, by the server's clock. It is
 * context, not content, so while loading or on failure it stays out of the way (the dashboard
 * shows the error), but keeps its place: on a phone the header wraps to a second line when the
 * badge appears, which pushed the sign-in form down as someone began to type. The place is sized
 * by the year of the device's clock, the same label in all but a few hours a year.
 */
export function FiscalYearBadge() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { data } = useCurrentFiscalYear();
  if (!data) {
    return (
      <span className="fiscal-year-badge fiscal-year-badge--space" aria-hidden="true">
        {fiscalYearLabel(currentFiscalYear(), lang)}
      </span>
    );
  }
  return (
    <p className="fiscal-year-badge">
      <span className="visually-hidden">{t('fiscalYear.current')}: </span>
      {fiscalYearLabel(data.fiscalYear, lang)}
    </p>
  );
}
