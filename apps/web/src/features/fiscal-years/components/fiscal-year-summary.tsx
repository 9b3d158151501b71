import type { FiscalYear } from '@kenshu/contracts';
import { fiscalYearLabel } from '@kenshu/domain';
import { daysUntil, formatDate } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import './fiscal-years.css';

/** The fiscal year's name, its period (1 April – 31 March) and the days left in it. */
export function FiscalYearSummary({ fiscalYear }: { fiscalYear: FiscalYear }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <p className="fiscal-year-summary__label">{fiscalYearLabel(fiscalYear.fiscalYear, lang)}</p>
      <dl className="figures">
        <div className="figures__item">
          <dt>{t('dashboard.fiscalYear.period')}</dt>
          <dd className="figures__text">
            {t('dashboard.fiscalYear.periodValue', {
              from: formatDate(fiscalYear.firstDay, lang),
              to: formatDate(fiscalYear.lastDay, lang),
            })}
          </dd>
        </div>
        <div className="figures__item">
          <dt>{t('dashboard.fiscalYear.daysLeft')}</dt>
          <dd>
            {t('dashboard.fiscalYear.daysLeftValue', { count: daysUntil(fiscalYear.lastDay) })}
          </dd>
        </div>
      </dl>
    </>
  );
}
