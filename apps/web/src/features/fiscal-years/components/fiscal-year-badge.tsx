import { fiscalYearLabel } from '@kenshu/domain';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useCurrentFiscalYear } from '../api/get-current-fiscal-year.ts';
import './fiscal-years.css';

/**
 * The current fiscal year for the header: 令和8年度 / FY2026. It is context, not content, so
 * while loading or on failure it stays out of the way (the dashboard shows the error).
 */
export function FiscalYearBadge() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { data } = useCurrentFiscalYear();
  if (!data) return null;
  return (
    <p className="fiscal-year-badge">
      <span className="visually-hidden">{t('fiscalYear.current')}: </span>
      {fiscalYearLabel(data.fiscalYear, lang)}
    </p>
  );
}
