import { getCurrentFiscalYear } from '@kenshu/contracts';
import { currentFiscalYear, fiscalYearLabel, fiscalYearRange } from '@kenshu/domain';
import { createRouter } from '../lib/router.ts';

export const fiscalYearRoutes = createRouter().openapi(getCurrentFiscalYear, (c) => {
  const fy = currentFiscalYear(new Date());
  const range = fiscalYearRange(fy);
  return c.json(
    {
      fiscalYear: fy,
      labelJa: fiscalYearLabel(fy, 'ja'),
      labelEn: fiscalYearLabel(fy, 'en'),
      firstDay: range.firstDay,
      lastDay: range.lastDay,
    },
    200,
  );
});
