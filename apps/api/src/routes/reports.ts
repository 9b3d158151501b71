import { getAnnualReport, getReportPeople, getYearOverYear } from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { annualReport } from '../services/reports/annual.ts';
import { yearOverYear } from '../services/reports/history.ts';
import { peopleBehind } from '../services/reports/people.ts';

/** Who reads reports; each sees the part of the organisation they oversee (see reportScope). */
const READERS = anyOf('admin', 'unit_security_officer', 'section_head');

export const reportRoutes = createRouter()
  .openapi(withAccess(getAnnualReport, READERS), async (c) => {
    return c.json(await annualReport({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(getYearOverYear, READERS), async (c) => {
    return c.json(await yearOverYear({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(getReportPeople, READERS), async (c) => {
    return c.json(await peopleBehind({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  });
