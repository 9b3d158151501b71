import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './common.ts';

export const OrgUnitKind = z
  .enum(['ministry', 'bureau', 'regional_office', 'division', 'section'])
  .openapi('OrgUnitKind');
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const OrgUnit = z
  .object({
    id: z.number().int(),
    code: z.string(),
    parentId: z.number().int().nullable(),
    kind: OrgUnitKind,
    nameJa: z.string(),
    nameEn: z.string(),
    depth: z.number().int(),
    active: z.boolean(),
    staffCount: z.number().int().openapi({ description: 'Active staff in this unit itself' }),
  })
  .openapi('OrgUnit');
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitList = z.object({ items: z.array(OrgUnit) }).openapi('OrgUnitList');

export const listOrgUnits = createRoute({
  method: 'get',
  path: '/',
  tags: ['organisation'],
  summary: 'The organisation tree, parents before children',
  responses: {
    200: { description: 'All units', content: { 'application/json': { schema: OrgUnitList } } },
    ...errorResponses(401, 403),
  },
});
