import { createRoute, z } from '@hono/zod-openapi';
import { REQUIREMENT_STATUSES } from '@kenshu/domain';
import { errorResponses, PageQuery } from './common.ts';

/** Every requirement status but not_required: the team page lists only people required. */
export const PERSON_STATUSES = REQUIREMENT_STATUSES.filter(
  (s): s is Exclude<(typeof REQUIREMENT_STATUSES)[number], 'not_required'> => s !== 'not_required',
);

export const PersonStatus = z.enum(PERSON_STATUSES).openapi('PersonStatus');

export const OverseenPerson = z
  .object({
    staffId: z.number().int(),
    staffNumber: z.string(),
    name: z.string(),
    nameKana: z.string(),
    email: z.string(),
    unit: z.object({ id: z.number().int(), nameJa: z.string(), nameEn: z.string() }),
    status: PersonStatus,
  })
  .openapi('OverseenPerson');

export const TeamStatus = z
  .object({
    course: z.object({
      id: z.number().int(),
      code: z.string(),
      titleJa: z.string(),
      titleEn: z.string(),
    }),
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

export const getTeamStatus = createRoute({
  method: 'get',
  path: '/status',
  tags: ['oversight'],
  summary: 'Where the people I oversee stand on a course this fiscal year',
  request: {
    query: PageQuery.extend({
      courseId: z.coerce
        .number()
        .int()
        .positive()
        .optional()
        .openapi({ description: 'Default: the course for all staff' }),
      fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
      orgUnitId: z.coerce.number().int().positive().optional(),
      status: z.enum([...PERSON_STATUSES, 'not_completed']).optional(),
      q: z.string().trim().max(100).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Status per person',
      content: { 'application/json': { schema: TeamStatus } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const sendReminders = createRoute({
  method: 'post',
  path: '/reminders',
  tags: ['oversight'],
  summary: 'Remind people I oversee who have not completed a course (in-app notification)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              courseId: z.number().int().positive(),
              staffIds: z.array(z.number().int().positive()).min(1).max(5000),
              message: z.string().trim().max(1000).optional(),
              fiscalYear: z.number().int().min(2000).max(2100).optional().openapi({
                description:
                  'The year the list was shown for; only the current fiscal year may be reminded',
              }),
            })
            .openapi('SendRemindersRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Reminded',
      content: {
        'application/json': {
          schema: z.object({ reminded: z.number().int(), skipped: z.number().int() }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});
