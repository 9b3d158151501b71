import { z } from '@hono/zod-openapi';
import { ORG_UNIT_KINDS } from '@kenshu/domain';
import {
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  pathId,
  PersonNameParts,
  routesOf,
  UnitRef,
} from './common.ts';

const route = routesOf('organisation');

export const OrgUnitKind = z.enum(ORG_UNIT_KINDS).openapi('OrgUnitKind');
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
    hasGroupSessions: z.boolean().openapi({
      description:
        "False when this unit's staff cannot attend group sessions (and go straight to the " +
        'e-learning); the units below it follow it',
    }),
  })
  .openapi('OrgUnit');
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitList = listOf(OrgUnit).openapi('OrgUnitList');

export const listOrgUnits = route({
  method: 'get',
  path: '/',
  summary: 'The organisation tree, parents before children',
  responses: {
    200: jsonResponse('All units', OrgUnitList),
    ...errorResponses(401, 403),
  },
});

export const GroupSessionsRequest = z
  .object({ hasGroupSessions: z.boolean() })
  .strict()
  .openapi('GroupSessionsRequest');

export const setGroupSessions = route({
  method: 'put',
  path: '/{id}/group-sessions',
  summary: "Set whether a unit's staff can attend group sessions (admins; audited)",
  description:
    'A unit without group sessions (a regional office far from head office) takes the course ' +
    'as e-learning; the units below it follow it. Courses whose "units without group sessions" ' +
    'rule is on assign their e-learning to its staff.',
  request: {
    params: IdParam,
    body: jsonBody(GroupSessionsRequest),
  },
  responses: {
    200: jsonResponse('The unit', OrgUnit),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const SectionHeadOversight = z
  .object({
    ...PersonNameParts.shape,
    unit: UnitRef.openapi({ description: 'Where HR lists the person' }),
    oversightUnit: UnitRef.openapi({ description: 'The unit they oversee as section head' }),
    basis: z.enum(['own_unit', 'set_by_admin']).openapi({
      description: 'own_unit: the unit HR lists them in; set_by_admin: another unit an admin set',
    }),
  })
  .openapi('SectionHeadOversight');
export type SectionHeadOversight = z.infer<typeof SectionHeadOversight>;

export const SectionHeadList = z
  .object({
    items: z.array(SectionHeadOversight).openapi({
      description:
        'Section heads who oversee this unit, and those HR lists in it who oversee another',
    }),
  })
  .openapi('SectionHeadList');

export const listSectionHeads = route({
  method: 'get',
  path: '/{id}/section-heads',
  summary: 'Section heads of a unit and what each oversees (admins)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Section heads', SectionHeadList),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const SectionHeadParams = z.object({
  id: IdParam.shape.id,
  staffId: pathId('staffId'),
});

export const setSectionHeadOversight = route({
  method: 'put',
  path: '/{id}/section-heads/{staffId}',
  summary: 'Make a section head oversee this unit instead of their own (admins; audited)',
  description:
    'For a head HR lists in a 係 who runs the whole 課. The team page, reminders and ' +
    "escalations then use this unit. Setting a person's own unit clears the setting.",
  request: { params: SectionHeadParams },
  responses: {
    200: jsonResponse('What the person now oversees', SectionHeadOversight),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const clearSectionHeadOversight = route({
  method: 'delete',
  path: '/{id}/section-heads/{staffId}',
  summary: 'A section head set to oversee this unit goes back to their own unit (admins; audited)',
  request: { params: SectionHeadParams },
  responses: {
    200: jsonResponse('What the person now oversees', SectionHeadOversight),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
