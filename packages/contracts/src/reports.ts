import { z } from '@hono/zod-openapi';
import {
  EMPLOYMENT_TYPES,
  REPORT_TABLES,
  ROLE_GROUP_ORDER,
  SAMPLE_SEED_PATTERN,
} from '@kenshu/domain';
import {
  CourseRef,
  DocumentLanguage,
  errorResponses,
  FiscalYearInput,
  FiscalYearParam,
  Id,
  IdInUrl,
  IdParam,
  jsonBody,
  jsonResponse,
  pageOf,
  PageQuery,
  PersonRef,
  PersonWithKana,
  routesOf,
  UnitRef,
  UnitWithCode,
} from './common.ts';

const route = routesOf('reports');

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const RoleGroup = z.enum(ROLE_GROUP_ORDER).openapi('RoleGroup', {
  description:
    'Subject groups of the annual report (表4): section heads and unit security officers; system security officers and PJMO staff; everyone else',
});
export const CompletionMethod = z
  .enum(['group_session', 'e_learning', 'admin_credit'])
  .openapi('CompletionMethod');
const EmploymentTypeName = z.enum(EMPLOYMENT_TYPES);

export const Coverage = z
  .object({
    required: z.number().int(),
    completed: z.number().int(),
    coverage: z
      .number()
      .nullable()
      .openapi({ description: 'completed ÷ required (0–1); null when nobody was required' }),
  })
  .openapi('Coverage');
export type Coverage = z.infer<typeof Coverage>;

export const ReportScope = z
  .object({
    orgUnitId: z.number().int().nullable().openapi({ description: 'null: the whole ministry' }),
    nameJa: z.string(),
    nameEn: z.string(),
  })
  .openapi('ReportScope');

const ReportBasis = z.enum(['current_staff', 'membership_on_day']).openapi({
  description:
    'current_staff: the year under way, counting people as they are now; membership_on_day: a closed year, counting people where they were on `asOf` by their recorded membership',
});

export const ReportNote = z.enum(['nobody_required', 'no_history']).openapi('ReportNote', {
  description:
    'Why the figures are zero: the course required nobody here; no membership history reaches back to that year',
});

export const ReportUnit = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    kind: z.string(),
    code: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    depth: z.number().int(),
    own: Coverage.openapi({ description: "The unit's own staff" }),
    subtree: Coverage.openapi({ description: 'The unit and every unit below it' }),
  })
  .openapi('ReportUnit');
export type ReportUnit = z.infer<typeof ReportUnit>;

export const Attainment = z
  .object({
    counted: z.number().int().openapi({ description: 'Items with anyone required' }),
    reached: z.array(z.number().int()).openapi({ description: 'Per threshold, in order' }),
  })
  .openapi('Attainment');

export const AnnualReport = z
  .object({
    fiscalYear: z.number().int(),
    course: CourseRef,
    scope: ReportScope,
    asOf: z.string().openapi({ description: 'The day the figures describe (Asia/Tokyo)' }),
    closed: z.boolean(),
    basis: ReportBasis,
    note: ReportNote.nullable(),
    overall: Coverage,
    courses: z.array(CourseRef.extend({ counts: Coverage })),
    units: z
      .array(ReportUnit)
      .openapi({ description: 'Units within the scope with anyone required, parents first' }),
    roleGroups: z.array(z.object({ group: RoleGroup, counts: Coverage })),
    employmentTypes: z.array(z.object({ type: EmploymentTypeName, counts: Coverage })),
    methods: z.array(z.object({ method: CompletionMethod, completed: z.number().int() })),
    attainment: z.object({
      thresholds: z.array(z.number().int()).openapi({ description: 'Percent, highest first' }),
      units: Attainment.openapi({ description: "Units judged by their own staff's coverage" }),
      courses: Attainment,
    }),
    progress: z.object({
      required: z.number().int(),
      weeks: z.array(
        z.object({
          weekStart: z.string().openapi({ description: 'Monday of the week' }),
          completions: z.number().int(),
          cumulative: z.number().int(),
        }),
      ),
    }),
  })
  .openapi('AnnualReport');
export type AnnualReport = z.infer<typeof AnnualReport>;

export const YearOverYear = z
  .object({
    course: CourseRef,
    scope: ReportScope,
    years: z.array(
      z.object({
        fiscalYear: z.number().int(),
        asOf: z.string(),
        closed: z.boolean(),
        basis: ReportBasis,
        overall: Coverage,
        roleGroups: z.array(z.object({ group: RoleGroup, counts: Coverage })),
      }),
    ),
  })
  .openapi('YearOverYear');
export type YearOverYear = z.infer<typeof YearOverYear>;

export const ReportQuery = z.object({
  fiscalYear: FiscalYearParam.optional().openapi({ description: 'Default: the current year' }),
  courseId: IdInUrl.optional().openapi({ description: 'Default: the course for all staff' }),
  orgUnitId: IdInUrl.optional().openapi({ description: 'Default: everything you may see' }),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const PeopleQuery = ReportQuery.extend({
  within: z
    .enum(['subtree', 'own'])
    .default('subtree')
    .openapi({ description: "With orgUnitId: the unit's subtree, or its own staff only" }),
  roleGroup: RoleGroup.optional(),
  employmentType: EmploymentTypeName.optional(),
  method: CompletionMethod.optional(),
  status: z.enum(['required', 'completed', 'not_completed']).default('required'),
  completedFrom: Day.optional(),
  completedTo: Day.optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const ReportPerson = z
  .object({
    ...PersonWithKana.shape,
    unit: UnitWithCode,
    roleGroup: RoleGroup,
    employmentType: EmploymentTypeName,
    method: CompletionMethod.nullable(),
    completedOn: z.string().nullable(),
  })
  .openapi('ReportPerson');
export type ReportPerson = z.infer<typeof ReportPerson>;

export const ReportPeople = z
  .object({
    fiscalYear: z.number().int(),
    asOf: z.string(),
    items: z.array(ReportPerson),
    total: z.number().int(),
  })
  .openapi('ReportPeople');
export type ReportPeople = z.infer<typeof ReportPeople>;

export const getAnnualReport = route({
  method: 'get',
  path: '/annual',
  summary: "A fiscal year's training figures for one course within your scope",
  description:
    'Coverage overall, per course, per org unit (own and subtree), per report group and employment type; how people completed; attainment; progress by week. Admins see the ministry, unit security officers their bureau, section heads their unit.',
  request: { query: ReportQuery },
  responses: {
    200: jsonResponse('The figures', AnnualReport),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getYearOverYear = route({
  method: 'get',
  path: '/history',
  summary: 'Five fiscal years side by side, ending with the chosen one (表3)',
  request: { query: ReportQuery },
  responses: {
    200: jsonResponse('The years', YearOverYear),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getReportPeople = route({
  method: 'get',
  path: '/people',
  summary: 'The people behind a figure',
  request: { query: PeopleQuery.merge(PageQuery) },
  responses: {
    200: jsonResponse('One page', ReportPeople),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const exportReportTable = route({
  method: 'get',
  path: '/export/{table}',
  summary: 'One table of the report as CSV (UTF-8 with BOM)',
  request: {
    params: z.object({
      table: z.enum(REPORT_TABLES).openapi({ param: { name: 'table', in: 'path' } }),
    }),
    query: PeopleQuery.extend({ lang: DocumentLanguage }),
  },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getAnnualSummary = route({
  method: 'get',
  path: '/summary',
  summary: 'The one-page annual summary, as a printable page or a PDF',
  request: {
    query: ReportQuery.extend({
      lang: DocumentLanguage,
      format: z.enum(['html', 'pdf']).default('html'),
    }),
  },
  responses: {
    200: {
      description: 'The summary',
      content: {
        'text/html': { schema: z.string() },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const AttainmentSettings = z
  .object({
    thresholds: z
      .array(z.number().int().min(1).max(100))
      .min(1)
      .max(5)
      .openapi({ description: 'Whole percent, highest first, e.g. [100, 95, 90]' }),
  })
  .openapi('AttainmentSettings');

export const getReportSettings = route({
  method: 'get',
  path: '/settings',
  summary: 'Attainment thresholds',
  responses: {
    200: jsonResponse('Settings', AttainmentSettings),
    ...errorResponses(401, 403),
  },
});

export const putReportSettings = route({
  method: 'put',
  path: '/settings',
  summary: 'Change the attainment thresholds (admins)',
  request: {
    body: jsonBody(AttainmentSettings),
  },
  responses: {
    200: jsonResponse('Saved', AttainmentSettings),
    ...errorResponses(400, 401, 403),
  },
});

export const SampleEvidence = z
  .object({
    method: CompletionMethod,
    recordedAt: z.string(),
    recordedBy: z.string().nullable(),
    session: z
      .object({
        id: z.number().int(),
        startsAt: z.string(),
        venue: z.string().nullable(),
        mark: z.string().nullable(),
        markedVia: z.string().nullable(),
        markedBy: z.string().nullable(),
        markedAt: z.string().nullable(),
        checkedInAt: z.string().nullable(),
      })
      .nullable(),
    module: z
      .object({
        reference: z.string().nullable(),
        titleJa: z.string().nullable(),
        titleEn: z.string().nullable(),
        version: z.number().int().nullable(),
        completedAt: z.string().nullable(),
        bestScore: z.number().nullable(),
      })
      .nullable(),
    creditReason: z.string().nullable(),
  })
  .openapi('SampleEvidence');

export const AuditSample = z
  .object({
    id: z.number().int(),
    fiscalYear: z.number().int(),
    course: CourseRef,
    scope: ReportScope,
    seed: z.string(),
    population: z.number().int(),
    size: z.number().int(),
    drawnBy: z.object({ staffId: z.number().int(), name: z.string() }),
    drawnAt: z.string(),
    items: z.array(
      z.object({
        position: z.number().int(),
        ...PersonRef.shape,
        unit: UnitRef,
        evidence: SampleEvidence,
      }),
    ),
  })
  .openapi('AuditSample');
export type AuditSample = z.infer<typeof AuditSample>;

export const AuditSampleSummary = AuditSample.omit({ items: true }).openapi('AuditSampleSummary');
export type AuditSampleSummary = z.infer<typeof AuditSampleSummary>;

export const drawAuditSample = route({
  method: 'post',
  path: '/samples',
  summary: 'Draw an audit sample: ⌈√N⌉ of the N people who completed, at random, saved',
  request: {
    body: jsonBody(
      z
        .object({
          fiscalYear: FiscalYearInput,
          courseId: Id,
          orgUnitId: Id.optional(),
          seed: z
            .string()
            .regex(SAMPLE_SEED_PATTERN, '16 hexadecimal digits')
            .optional()
            .openapi({ description: 'Give an earlier sample’s seed to draw it again' }),
        })
        .openapi('DrawAuditSampleRequest'),
    ),
  },
  responses: {
    201: jsonResponse('Drawn and saved', AuditSample),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const listAuditSamples = route({
  method: 'get',
  path: '/samples',
  summary: 'Audit samples drawn within your scope, newest first',
  request: { query: ReportQuery.merge(PageQuery) },
  responses: {
    200: jsonResponse('Samples', pageOf(AuditSampleSummary)),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getAuditSample = route({
  method: 'get',
  path: '/samples/{id}',
  summary: 'One audit sample with its evidence',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The sample', AuditSample),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const exportAuditSample = route({
  method: 'get',
  path: '/samples/{id}/csv',
  summary: 'One audit sample with its evidence as CSV',
  request: { params: IdParam, query: z.object({ lang: DocumentLanguage }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});
