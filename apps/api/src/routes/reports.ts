import {
  drawAuditSample as drawAuditSampleRoute,
  exportAuditSample,
  exportReportTable as exportReportTableRoute,
  getAnnualReport,
  getAnnualSummary,
  getAuditSample as getAuditSampleRoute,
  getReportPeople,
  getReportSettings,
  getYearOverYear,
  listAuditSamples,
  putReportSettings,
} from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { csvHeaders } from '../lib/csv.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { annualReport } from '../services/reports/annual.ts';
import { exportReportTable } from '../services/reports/export.ts';
import { yearOverYear } from '../services/reports/history.ts';
import { peopleBehind } from '../services/reports/people.ts';
import {
  auditSampleCsv,
  drawAuditSample,
  getAuditSample,
  listSamples,
} from '../services/reports/samples.ts';
import { reportSettings, saveReportSettings } from '../services/reports/settings.ts';
import { annualSummaryHtml, annualSummaryPdf } from '../services/reports/summary.ts';

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
  })
  .openapi(withAccess(exportReportTableRoute, READERS), async (c) => {
    const { table } = c.req.valid('param');
    const query = c.req.valid('query');
    const csv = await exportReportTable({ ctx: serviceContext(c), input: { ...query, table } });
    const year = query.fiscalYear ?? 'current';
    return c.body(csv, 200, csvHeaders(`kenshu-report-${year}-${table}.csv`));
  })
  .openapi(withAccess(getAnnualSummary, READERS), async (c) => {
    const query = c.req.valid('query');
    const ctx = serviceContext(c);
    if (query.format === 'pdf') {
      const pdf = await annualSummaryPdf({ ctx, input: query });
      return c.body(pdf, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="kenshu-summary-${query.fiscalYear ?? 'current'}-${query.lang}.pdf"`,
      });
    }
    return c.html(await annualSummaryHtml({ ctx, input: query }), 200);
  })
  .openapi(withAccess(getReportSettings, READERS), async (c) => {
    return c.json(await reportSettings({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(putReportSettings, anyOf('admin')), async (c) => {
    return c.json(
      await saveReportSettings({ ctx: serviceContext(c), input: c.req.valid('json') }),
      200,
    );
  })
  .openapi(withAccess(drawAuditSampleRoute, READERS), async (c) => {
    return c.json(
      await drawAuditSample({ ctx: serviceContext(c), input: c.req.valid('json') }),
      201,
    );
  })
  .openapi(withAccess(listAuditSamples, READERS), async (c) => {
    return c.json(await listSamples({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(getAuditSampleRoute, READERS), async (c) => {
    return c.json(
      await getAuditSample({ ctx: serviceContext(c), input: c.req.valid('param') }),
      200,
    );
  })
  .openapi(withAccess(exportAuditSample, READERS), async (c) => {
    const { id } = c.req.valid('param');
    const csv = await auditSampleCsv({
      ctx: serviceContext(c),
      input: { id, lang: c.req.valid('query').lang },
    });
    return c.body(csv, 200, csvHeaders(`kenshu-audit-sample-${id}.csv`));
  });
