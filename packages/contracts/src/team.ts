import { z } from '@hono/zod-openapi';
import { MAIL_STATUSES, REQUIREMENT_STATUSES } from '@kenshu/domain';
import { RoleName } from './auth.ts';
import {
  CourseRef,
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
} from './common.ts';
import { EmploymentType } from './staff.ts';

const teamRoute = routesOf('team');
const myTrainingRoute = routesOf('my training');
const staffRoute = routesOf('staff');

/** Every requirement status but not_required: the team page lists only people required. */
export const PERSON_STATUSES = REQUIREMENT_STATUSES.filter(
  (s): s is Exclude<(typeof REQUIREMENT_STATUSES)[number], 'not_required'> => s !== 'not_required',
);

export const PersonStatus = z.enum(PERSON_STATUSES).openapi('PersonStatus');

export const OverseenPerson = z
  .object({
    ...PersonWithKana.shape,
    email: z.string(),
    unit: UnitRef,
    status: PersonStatus,
    score: z.number().int().nullable().openapi({
      description:
        'Score (%) of a completion by e-learning, the same as the audit sample shows; else null',
    }),
  })
  .openapi('OverseenPerson');

/** A status to narrow the list to: one status, or everyone not yet done. */
export const TeamStatusFilter = z.enum([...PERSON_STATUSES, 'not_completed']);

/**
 * Which people of the team page: the same fields in the query string (list, CSV) and in a JSON
 * body (reminder preview and send), so "everyone matching" means one thing everywhere.
 */
const teamFilterFields = {
  courseId: Id.optional(),
  fiscalYear: FiscalYearInput.optional(),
  orgUnitId: Id.optional(),
  status: TeamStatusFilter.optional(),
  role: RoleName.optional().openapi({ description: 'Only people holding this role' }),
  employmentType: EmploymentType.optional(),
  q: z.string().trim().max(100).optional(),
};

export const TeamFilter = z
  .object(teamFilterFields)
  .openapi('TeamFilter', { description: 'Default course: the course for all staff' });
export type TeamFilter = z.infer<typeof TeamFilter>;

/** The team filter as query parameters. */
export const TeamFilterQuery = z.object({
  ...teamFilterFields,
  courseId: IdInUrl.optional(),
  fiscalYear: FiscalYearParam.optional(),
  orgUnitId: IdInUrl.optional(),
});

export const TeamStatus = z
  .object({
    course: CourseRef,
    fiscalYear: z.number().int(),
    counts: z.object({
      required: z.number().int(),
      completed: z.number().int(),
      booked: z.number().int(),
      awaitingRoster: z.number().int(),
      eLearningOverdue: z.number().int(),
      eLearningInProgress: z.number().int(),
      eLearningAssigned: z.number().int(),
      waiting: z.number().int(),
      notStarted: z.number().int(),
    }),
    items: z.array(OverseenPerson),
    total: z.number().int().openapi({ description: 'People matching the filters' }),
  })
  .openapi('TeamStatus');
export type TeamStatus = z.infer<typeof TeamStatus>;

export const getTeamStatus = teamRoute({
  method: 'get',
  path: '/status',
  summary: 'Where the people I oversee stand on a course this fiscal year',
  request: {
    query: PageQuery.extend(TeamFilterQuery.shape),
  },
  responses: {
    200: jsonResponse('Status per person', TeamStatus),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const exportTeamStatus = teamRoute({
  method: 'get',
  path: '/status.csv',
  summary: 'Everyone matching the team filters, as CSV (UTF-8 with BOM)',
  request: { query: TeamFilterQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

/** Why someone matching the filter gets no reminder. */
export const REMINDER_SKIP_REASONS = [
  'sender',
  'completed',
  'already_booked',
  'reminded_recently',
] as const;
export const ReminderSkipReason = z.enum(REMINDER_SKIP_REASONS).openapi('ReminderSkipReason');

export const ReminderRequest = z
  .object({
    filter: TeamFilter,
    staffIds: z.array(Id).min(1).max(5000).optional().openapi({
      description: 'Only these of the people matching the filter; everyone matching when absent',
    }),
    message: z.string().trim().max(1000).optional(),
  })
  .openapi('ReminderRequest');
export type ReminderRequest = z.infer<typeof ReminderRequest>;

const RenderedMessage = z.object({ subject: z.string(), body: z.string() });

export const ReminderPreview = z
  .object({
    course: z.object({ id: z.number().int(), titleJa: z.string(), titleEn: z.string() }),
    fiscalYear: z.number().int(),
    matching: z.number().int().openapi({ description: 'People matching the filter' }),
    recipients: z.number().int().openapi({ description: 'People the reminder would go to' }),
    skipped: z.array(
      z.object({
        reason: ReminderSkipReason,
        count: z.number().int(),
        people: z.array(PersonRef).openapi({ description: 'The first 50' }),
      }),
    ),
    noAddress: z
      .object({
        count: z.number().int(),
        people: z.array(PersonRef).openapi({ description: 'The first 50' }),
      })
      .openapi({ description: 'Recipients without an e-mail address: a notice in the app only' }),
    messages: z.object({ ja: RenderedMessage, en: RenderedMessage }),
  })
  .openapi('ReminderPreview');
export type ReminderPreview = z.infer<typeof ReminderPreview>;

export const previewReminders = teamRoute({
  method: 'post',
  path: '/reminders/preview',
  summary: 'Who a reminder would reach, who is skipped and why, and its words in each language',
  request: {
    body: jsonBody(ReminderRequest),
  },
  responses: {
    200: jsonResponse('Preview', ReminderPreview),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const ReminderResult = z
  .object({
    reminded: z.number().int().openapi({ description: 'Reminders decided now' }),
    skipped: z.number().int(),
    skippedBy: z.partialRecord(ReminderSkipReason, z.number().int()),
    emailQueued: z.number().int(),
    noAddress: z.number().int().openapi({ description: 'Reminded in the app only' }),
  })
  .openapi('ReminderResult');
export type ReminderResult = z.infer<typeof ReminderResult>;

export const sendReminders = teamRoute({
  method: 'post',
  path: '/reminders',
  summary:
    'Remind everyone matching the filter (or the chosen of them) who is not done: e-mail and notice',
  request: {
    body: jsonBody(ReminderRequest),
  },
  responses: {
    200: jsonResponse('Reminded', ReminderResult),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const SentMessage = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    reason: z.string(),
    subject: z.string(),
    body: z.string().nullable().openapi({ description: 'Null for a message carrying a secret' }),
    toAddress: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .openapi('SentMessage');
export type SentMessage = z.infer<typeof SentMessage>;

export const MessageHistory = pageOf(SentMessage).openapi('MessageHistory');

export const getMyMessages = myTrainingRoute({
  method: 'get',
  path: '/messages',
  summary: 'What was sent to me, when, why, and whether it was delivered',
  request: { query: PageQuery },
  responses: {
    200: jsonResponse('History', MessageHistory),
    ...errorResponses(400, 401),
  },
});

export const getStaffMessages = staffRoute({
  method: 'get',
  path: '/{id}/messages',
  summary: 'What was sent to someone (themself, those who chase them, admins)',
  request: { params: IdParam, query: PageQuery },
  responses: {
    200: jsonResponse('History', MessageHistory),
    ...errorResponses(400, 401, 404),
  },
});
