import { z } from '@hono/zod-openapi';
import { REQUIREMENT_STATUSES } from '@kenshu/domain';
import {
  errorResponses,
  FiscalYearInput,
  FiscalYearQuery,
  Id,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  routesOf,
} from './common.ts';
import { ATTENDANCE_MARKS } from './attendance.ts';
import { BookingStatus } from './bookings.ts';
import { Course } from './courses.ts';

const myTrainingRoute = routesOf('my training');
const staffRoute = routesOf('staff');
const completionsRoute = routesOf('completions');

export const RequirementStatus = z.enum(REQUIREMENT_STATUSES).openapi('RequirementStatus');

export const MyBooking = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    status: BookingStatus,
    waitlistPosition: z.number().int().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    bookingCutoffAt: z.string(),
    canCancel: z.boolean(),
  })
  .openapi('MyBooking');

export const RequirementItem = z
  .object({
    course: Course,
    required: z.boolean(),
    status: RequirementStatus,
    completion: z
      .object({
        kind: z.enum(['attended', 'e_learning', 'credited']),
        recordedAt: z.string(),
        completedOn: z.string().openapi({
          description: 'The day it counts from (YYYY-MM-DD, Tokyo): the session day if attended',
        }),
        score: z.number().int().nullable().openapi({
          description:
            'Score (%) of a completion by e-learning, the same as the audit sample shows; else null',
        }),
      })
      .nullable(),
    booking: MyBooking.nullable().openapi({
      description: 'The seat on a session that has not ended; never a session already held',
    }),
    waits: z.array(MyBooking).openapi({ description: 'Waitlist places on sessions ahead' }),
    pastSession: z
      .object({
        bookingId: z.number().int(),
        sessionId: z.number().int(),
        startsAt: z.string(),
        endsAt: z.string(),
        venue: z.string().nullable(),
        mark: z.enum(ATTENDANCE_MARKS).nullable(),
        finalised: z.boolean(),
      })
      .nullable()
      .openapi({ description: 'The latest session this person held a seat on that has ended' }),
    eLearningModuleId: z.number().int().nullable().openapi({
      description: 'The module that completes this course, when it offers one',
    }),
    assignment: z
      .object({
        id: z.number().int(),
        dueOn: z.string(),
        moduleId: z.number().int(),
        overdue: z.boolean(),
        started: z.boolean(),
        source: z.string(),
      })
      .nullable(),
  })
  .openapi('RequirementItem');

export const TrainingRecord = z
  .object({
    staffId: z.number().int(),
    fiscalYear: z.number().int(),
    items: z.array(RequirementItem),
  })
  .openapi('TrainingRecord');
export type TrainingRecord = z.infer<typeof TrainingRecord>;

export const getMyTraining = myTrainingRoute({
  method: 'get',
  path: '/training',
  summary: 'What I must take this fiscal year, and where I stand',
  request: { query: FiscalYearQuery },
  responses: {
    200: jsonResponse('My record', TrainingRecord),
    ...errorResponses(400, 401),
  },
});

export const getStaffTraining = staffRoute({
  method: 'get',
  path: '/{id}/training',
  summary: "Someone's training record (themself, their section head or unit officer, admins)",
  request: { params: IdParam, query: FiscalYearQuery },
  responses: {
    200: jsonResponse('The record', TrainingRecord),
    ...errorResponses(400, 401, 404),
  },
});

export const CalendarFeed = z.object({ url: z.string().nullable() }).openapi('CalendarFeed');

export const createCalendarFeed = myTrainingRoute({
  method: 'post',
  path: '/calendar-feed',
  summary: 'Create (or replace) my private calendar feed URL; the old URL stops working',
  responses: {
    201: jsonResponse('Feed URL, shown once', CalendarFeed),
    ...errorResponses(401, 403),
  },
});

export const deleteCalendarFeed = myTrainingRoute({
  method: 'delete',
  path: '/calendar-feed',
  summary: 'Revoke my calendar feed',
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403) },
});

export const calendarFeed = myTrainingRoute({
  method: 'get',
  path: '/{token}',
  summary: 'A private calendar feed (the secret token in the URL is the credential)',
  request: {
    params: z.object({
      token: z
        .string()
        .min(20)
        .max(100)
        .openapi({ param: { name: 'token', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses(400, 404),
  },
});

export const NoticeText = z.object({ subject: z.string(), body: z.string() }).openapi('NoticeText');

export const Notification = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    /** The words, in both languages: the same the e-mail of this kind uses. */
    text: z.object({ ja: NoticeText, en: NoticeText }),
    /** Where in the app the reader acts on it. */
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const listNotifications = myTrainingRoute({
  method: 'get',
  path: '/notifications',
  summary: 'My notifications, newest first',
  responses: {
    200: jsonResponse('Notifications', listOf(Notification)),
    ...errorResponses(401),
  },
});

export const readNotification = myTrainingRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  summary: 'Mark a notification read',
  request: { params: IdParam },
  responses: { 204: { description: 'Marked' }, ...errorResponses(400, 401, 403, 404) },
});

export const creditCompletion = completionsRoute({
  method: 'post',
  path: '/credit',
  summary: 'Credit a completion by hand, with a reason (admins)',
  request: {
    body: jsonBody(
      z
        .object({
          staffId: Id,
          courseId: Id,
          fiscalYear: FiscalYearInput,
          reason: z.string().trim().min(1).max(500),
        })
        .openapi('CreditCompletionRequest'),
    ),
  },
  responses: { 201: { description: 'Credited' }, ...errorResponses(400, 401, 403, 404, 409) },
});
