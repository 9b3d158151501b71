import { z } from '@hono/zod-openapi';
import { EMPLOYMENT_TYPES } from '@kenshu/domain';
import { RoleName } from './auth.ts';
import {
  errorResponses,
  IdInUrl,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  Locale,
  pageOf,
  PageQuery,
  PersonWithKana,
  routesOf,
  UnitRef,
  UnitWithCode,
} from './common.ts';

const route = routesOf('staff');

export const EmploymentType = z.enum(EMPLOYMENT_TYPES).openapi('EmploymentType');
export type EmploymentType = z.infer<typeof EmploymentType>;

export const StaffMember = z
  .object({
    id: z.number().int(),
    staffNumber: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string(),
    givenNameKana: z.string(),
    email: z.string(),
    orgUnit: UnitWithCode,
    employmentType: EmploymentType,
    active: z.boolean(),
    locale: Locale,
    roles: z.array(RoleName).openapi({ description: 'HR roles and granted roles together' }),
  })
  .openapi('StaffMember');
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffPage = pageOf(StaffMember).openapi('StaffPage');

export const StaffSearchQuery = PageQuery.extend({
  orgUnitId: IdInUrl.optional().openapi({ description: 'Only this unit and the units under it' }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Staff number, name, kana or e-mail' }),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const searchStaff = route({
  method: 'get',
  path: '/',
  summary: 'Find staff, optionally within an organisation subtree',
  request: { query: StaffSearchQuery },
  responses: {
    200: jsonResponse('One page of staff', StaffPage),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getStaffMember = route({
  method: 'get',
  path: '/{id}',
  summary: 'One staff member',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The staff member', StaffMember),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** Staff numbers as pasted: one per entry, up to 500 at a time. */
export const StaffNumberList = z
  .array(z.string().trim().min(1).max(32))
  .max(500)
  .openapi({ description: 'Staff numbers (compared without regard to case or full-width form)' });

/** One entry of a list of people given by number or id: who it is, or why nobody. */
export const ResolvedPerson = z
  .object({
    /** The staff number as given (or the person's, when given by id). */
    staffNumber: z.string(),
    person: PersonWithKana.extend({ unit: UnitRef }).nullable(),
    problem: z.enum(['unknown', 'outside_scope']).nullable().openapi({
      description:
        'unknown: no active member of staff has this number; outside_scope: someone you do not oversee (not named)',
    }),
  })
  .openapi('ResolvedPerson');
export type ResolvedPerson = z.infer<typeof ResolvedPerson>;

export const lookUpStaff = route({
  method: 'post',
  path: '/look-up',
  summary: 'Who a list of staff numbers is, among the people you oversee (admins: everyone)',
  request: {
    body: jsonBody(
      z.object({ staffNumbers: StaffNumberList.min(1) }).openapi('LookUpStaffRequest'),
    ),
  },
  responses: {
    200: jsonResponse('Each distinct number once, in the order given', listOf(ResolvedPerson)),
    ...errorResponses(400, 401, 403),
  },
});
