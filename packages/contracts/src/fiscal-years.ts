import { z } from '@hono/zod-openapi';
import { jsonResponse, routesOf } from './common.ts';

const route = routesOf('fiscal years');

export const FiscalYear = z
  .object({
    fiscalYear: z.number().int().openapi({ example: 2026 }),
    labelJa: z.string().openapi({ example: '令和8年度' }),
    labelEn: z.string().openapi({ example: 'FY2026' }),
    firstDay: z.string().openapi({ example: '2026-04-01' }),
    lastDay: z.string().openapi({ example: '2027-03-31' }),
  })
  .openapi('FiscalYear');
export type FiscalYear = z.infer<typeof FiscalYear>;

export const getCurrentFiscalYear = route({
  method: 'get',
  path: '/current',
  summary: 'The fiscal year of today in Asia/Tokyo',
  responses: {
    200: jsonResponse('The current fiscal year', FiscalYear),
  },
});
