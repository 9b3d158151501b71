import { z } from '@hono/zod-openapi';
import { SESSION_PHASES } from '@kenshu/domain';
import {
  CourseRef,
  errorResponses,
  FiscalYearParam,
  Id,
  IdInUrl,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  PersonOnList,
  routesOf,
} from './common.ts';
import { BookingStatus } from './bookings.ts';

const route = routesOf('sessions');

const Instant = z.iso.datetime({ offset: true }).openapi({ example: '2027-02-10T10:00:00+09:00' });
const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .openapi({ example: '10:00' });

export const MyPlace = z
  .object({
    bookingId: z.number().int(),
    status: z.enum(['confirmed', 'waitlisted']),
    waitlistPosition: z.number().int().nullable(),
  })
  .openapi('MyPlace');

export const TrainingSession = z
  .object({
    id: z.number().int(),
    course: CourseRef,
    fiscalYear: z.number().int(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    waitingCount: z.number().int(),
    bookingOpensAt: z.string(),
    bookingCutoffAt: z.string(),
    minAttendance: z.number().int().nullable(),
    status: z.enum(['scheduled', 'cancelled']),
    phase: z.enum(SESSION_PHASES).openapi({
      description:
        'scheduled → in_progress → awaiting_roster (held, attendance sheet not submitted) → finalised; or cancelled',
    }),
    finalisedAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    recordedReason: z.string().nullable().openapi({
      description: 'Set when an admin recorded the session after it took place, and why',
    }),
    trainers: z.array(z.object({ id: z.number().int(), name: z.string() })),
    bookable: z.boolean().openapi({ description: 'Open for booking right now' }),
    myPlace: MyPlace.nullable(),
  })
  .openapi('TrainingSession');
export type TrainingSession = z.infer<typeof TrainingSession>;

export const SessionQuery = z.object({
  fiscalYear: FiscalYearParam.optional(),
  courseId: IdInUrl.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
  venue: z.string().trim().max(100).optional(),
  withSeats: z.enum(['true', 'false']).optional(),
  scope: z
    .enum(['mine', 'all', 'teaching'])
    .default('mine')
    .openapi({ description: 'mine: courses I must take; teaching: sessions I teach; all: admins' }),
  includeCancelled: z.enum(['true', 'false']).optional(),
  upcoming: z.enum(['true', 'false']).optional().openapi({
    description: 'Only sessions that have not started yet (ignored when a month is given)',
  }),
});

export const listSessions = route({
  method: 'get',
  path: '/',
  summary: 'Find group sessions with seats left',
  request: { query: SessionQuery },
  responses: {
    200: jsonResponse('Sessions, soonest first', listOf(TrainingSession)),
    ...errorResponses(400, 401, 403),
  },
});

export const getSession = route({
  method: 'get',
  path: '/{id}',
  summary: 'One session',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The session', TrainingSession),
    ...errorResponses(400, 401, 404),
  },
});

const SessionFields = {
  venue: z.string().trim().max(200).nullable().default(null),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  capacity: z.number().int().min(1).max(10_000),
  trainerIds: z.array(Id).max(20).default([]),
  minAttendance: z.number().int().min(1).nullable().default(null),
  bookingOpensAt: Instant.optional().openapi({ description: 'Default: now' }),
};

export const CreateSessionRequest = z
  .object({
    courseId: Id,
    startsAt: Instant,
    endsAt: Instant,
    bookingCutoffAt: Instant.optional().openapi({
      description: 'Default: 17:00 on the working day before',
    }),
    ...SessionFields,
    recordedReason: z.string().trim().min(1).max(500).optional().openapi({
      description:
        'Required, and only accepted, for a session that already took place (typed in from a paper sign-in sheet); audited',
    }),
  })
  .openapi('CreateSessionRequest');

export const createSession = route({
  method: 'post',
  path: '/',
  summary: 'Schedule one session (admins)',
  request: {
    body: jsonBody(CreateSessionRequest),
  },
  responses: {
    201: jsonResponse('Created', TrainingSession),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const CreateSeriesRequest = z
  .object({
    courseId: Id,
    dates: z.array(z.iso.date()).min(1).max(100),
    startTimes: z.array(TimeOfDay).min(1).max(10),
    durationMinutes: z.number().int().min(1).max(1440),
    ...SessionFields,
  })
  .openapi('CreateSeriesRequest');

export const createSeries = route({
  method: 'post',
  path: '/series',
  summary: 'Schedule a series of sessions in one step (admins)',
  request: {
    body: jsonBody(CreateSeriesRequest),
  },
  responses: {
    201: jsonResponse('Created', listOf(TrainingSession)),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const UpdateSessionRequest = z
  .object({
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    bookingCutoffAt: Instant.optional(),
    venue: z.string().trim().max(200).nullable().optional(),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .optional(),
    capacity: z.number().int().min(1).max(10_000).optional(),
    trainerIds: z.array(Id).max(20).optional(),
    minAttendance: z.number().int().min(1).nullable().optional(),
    reason: z.string().trim().min(1).max(500).optional().openapi({
      description: 'Required once the session has started; recorded in the audit log',
    }),
  })
  .openapi('UpdateSessionRequest');

export const updateSession = route({
  method: 'patch',
  path: '/{id}',
  summary:
    'Change time, venue, capacity or trainers (admins); raising capacity promotes waiting people',
  request: {
    params: IdParam,
    body: jsonBody(UpdateSessionRequest),
  },
  responses: {
    200: jsonResponse('Updated', TrainingSession),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const cancelSession = route({
  method: 'post',
  path: '/{id}/cancel',
  summary: 'Cancel a session with a reason (admins); everyone booked is released and told',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500) })),
  },
  responses: {
    200: jsonResponse('Cancelled', TrainingSession),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const ParticipantEntry = z
  .object({
    bookingId: z.number().int(),
    ...PersonOnList.shape,
    status: BookingStatus,
    queuedAt: z.string(),
    cancelReason: z.string().nullable(),
    history: z.array(
      z.object({ at: z.string(), action: z.string(), actorStaffId: z.number().int().nullable() }),
    ),
  })
  .openapi('ParticipantEntry');

export const getSessionParticipants = route({
  method: 'get',
  // The path keeps its first name: the participants were once called the roster.
  path: '/{id}/roster',
  summary:
    "A session's participants with each booking's history (admins and the session's trainers)",
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Participants', listOf(ParticipantEntry)),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const ScheduleWarning = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('weekend'), date: z.string() }),
    z.object({
      kind: z.literal('holiday'),
      date: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
    }),
    z.object({ kind: z.literal('year_end_closure'), date: z.string() }),
    z.object({
      kind: z.literal('venue_overlap'),
      sessionId: z.number().int(),
      courseCode: z.string(),
      courseTitleJa: z.string(),
      courseTitleEn: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      venue: z.string(),
    }),
  ])
  .openapi('ScheduleWarning');
export type ScheduleWarning = z.infer<typeof ScheduleWarning>;

export const ScheduleCheckRequest = z
  .object({
    startsAt: Instant,
    endsAt: Instant,
    venue: z.string().trim().max(200).nullable().default(null),
    sessionId: Id.optional().openapi({
      description: 'The session being edited, which does not clash with itself',
    }),
  })
  .openapi('ScheduleCheckRequest');

export const checkSchedule = route({
  method: 'post',
  path: '/check',
  summary:
    'Warnings (not refusals) for a session time: weekend, Japanese holiday, year-end closure, another session in the same venue (admins)',
  request: {
    body: jsonBody(ScheduleCheckRequest),
  },
  responses: {
    200: jsonResponse('Warnings, none when the time is fine', listOf(ScheduleWarning)),
    ...errorResponses(400, 401, 403),
  },
});

export const Holiday = z
  .object({ date: z.string(), nameJa: z.string(), nameEn: z.string() })
  .openapi('Holiday');

export const listHolidays = route({
  method: 'get',
  path: '/holidays',
  summary: 'Japanese national holidays of a month, for the calendar',
  request: {
    query: z.object({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
    }),
  },
  responses: {
    200: jsonResponse('Holidays in date order', listOf(Holiday)),
    ...errorResponses(400, 401),
  },
});
