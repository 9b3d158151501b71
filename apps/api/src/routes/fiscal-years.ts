import { getCurrentFiscalYear } from '@kenshu/contracts';
import { currentFiscalYear, fiscalYearLabel, fiscalYearRange, PUBLIC } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';

export const fiscalYearRoutes = createRouter().openapi(
  withAccess(getCurrentFiscalYear, PUBLIC),
  (c) => {
    const fy = currentFiscalYear(c.var.clock());
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
  },
);
