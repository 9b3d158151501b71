import { z } from '@hono/zod-openapi';
import {
  DocumentLanguage,
  errorResponses,
  Id,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  pathId,
  PersonOnList,
  PersonRef,
  routesOf,
} from './common.ts';

const route = routesOf('attendance');

export const ATTENDANCE_MARKS = ['present', 'late', 'absent', 'excused'] as const;
export const AttendanceMark = z.enum(ATTENDANCE_MARKS).openapi('AttendanceMark');
export type AttendanceMark = z.infer<typeof AttendanceMark>;

export const AttendanceEntry = z
  .object({
    ...PersonOnList.shape,
    booked: z.boolean(),
    walkIn: z.boolean(),
    mark: AttendanceMark.nullable(),
    note: z.string().nullable(),
    via: z.enum(['trainer', 'check_in', 'no_show', 'admin']).nullable(),
    checkedInAt: z.string().nullable(),
    markedAt: z.string().nullable(),
  })
  .openapi('AttendanceEntry');

export const CheckInRequestEntry = z
  .object({
    ...PersonOnList.shape,
    status: z.enum(['pending', 'accepted', 'rejected']),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('CheckInRequestEntry');

export const CheckInAttemptEntry = z
  .object({
    ...PersonRef.shape,
    wrongCodes: z.number().int(),
    locked: z.boolean().openapi({ description: 'Used up the wrong-code limit for this session' }),
    lastWrongAt: z.string().nullable(),
  })
  .openapi('CheckInAttemptEntry');

export const AttendanceSheet = z
  .object({
    sessionId: z.number().int(),
    startsAt: z.string(),
    endsAt: z.string(),
    finalisedAt: z.string().nullable(),
    markingOpensAt: z.string(),
    lockedAt: z
      .string()
      .openapi({ description: 'After this, only admins (with a reason) change marks' }),
    canMark: z.boolean(),
    entries: z.array(AttendanceEntry),
    checkInRequests: z.array(CheckInRequestEntry).openapi({
      description: 'Self check-ins from people without a booking, for the trainer to decide',
    }),
    checkInAttempts: z.array(CheckInAttemptEntry).openapi({
      description: 'People who typed wrong check-in codes for this session',
    }),
    wrongCodeLimit: z.number().int(),
  })
  .openapi('AttendanceSheet');
export type AttendanceSheet = z.infer<typeof AttendanceSheet>;

const Reason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .openapi({ description: 'Required for admins after the lock' });

export const getAttendance = route({
  method: 'get',
  path: '/{id}/attendance',
  summary: "A session's attendance sheet (its trainers and admins)",
  request: { params: IdParam, query: z.object({ q: z.string().max(100).optional() }) },
  responses: {
    200: jsonResponse('The sheet', AttendanceSheet),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const setAttendance = route({
  method: 'put',
  path: '/{id}/attendance',
  summary: 'Mark people present, late, absent or excused',
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          marks: z
            .array(
              z.object({
                staffId: Id,
                mark: AttendanceMark,
                note: z.string().trim().max(500).nullable().optional(),
              }),
            )
            .min(1)
            .max(1000),
          reason: Reason,
        })
        .openapi('SetAttendanceRequest'),
    ),
  },
  responses: {
    200: jsonResponse('Saved', z.object({ changed: z.number().int() })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const markUnmarkedPresent = route({
  method: 'post',
  path: '/{id}/attendance/mark-unmarked-present',
  summary: 'Mark everyone still unmarked as present (existing marks are never overwritten)',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ reason: Reason }), { required: false }),
  },
  responses: {
    200: jsonResponse('Marked', z.object({ marked: z.number().int() })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const WalkInCandidate = z
  .object({
    ...PersonOnList.shape,
    onRoster: z.boolean().openapi({ description: 'Already booked or marked on this session' }),
  })
  .openapi('WalkInCandidate');
export type WalkInCandidate = z.infer<typeof WalkInCandidate>;

export const findWalkIns = route({
  method: 'get',
  path: '/{id}/attendance/people',
  summary:
    'Find someone who came without a booking by name, kana or staff number (the session’s trainers while they may mark, and admins)',
  request: {
    params: IdParam,
    query: z.object({
      q: z.string().trim().min(1).max(50).openapi({
        description: 'Name or kana (either script; words in any order) or staff number',
      }),
    }),
  },
  responses: {
    200: jsonResponse('Up to 10 active staff, best matches first', listOf(WalkInCandidate)),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const addWalkIn = route({
  method: 'post',
  path: '/{id}/attendance/walk-ins',
  summary: 'Add someone who came without a booking, by staff number (allowed even when full)',
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({
        staffNumber: z.string().trim().min(1).max(32),
        note: z.string().trim().max(500).optional(),
        reason: Reason,
      }),
    ),
  },
  responses: {
    201: jsonResponse('Added', z.object({ staffId: z.number().int() })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const finaliseAttendance = route({
  method: 'post',
  path: '/{id}/attendance/finalise',
  summary: 'Submit the attendance sheet: everyone still unmarked becomes a no-show',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ reason: Reason }), { required: false }),
  },
  responses: {
    200: jsonResponse(
      'Finalised',
      z.object({
        finalisedAt: z.string(),
        noShows: z.number().int(),
        alreadyFinalised: z.boolean(),
      }),
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const exportAttendance = route({
  method: 'get',
  path: '/{id}/attendance.csv',
  summary: 'The attendance sheet with marks as CSV (UTF-8 with BOM)',
  request: { params: IdParam, query: z.object({ lang: DocumentLanguage }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const decideCheckInRequest = route({
  method: 'post',
  path: '/{id}/attendance/check-in-requests/{staffId}',
  summary:
    'Accept (present, as a walk-in) or reject a self check-in from someone without a booking',
  request: {
    params: IdParam.extend({
      staffId: pathId('staffId'),
    }),
    body: jsonBody(
      z
        .object({ decision: z.enum(['accept', 'reject']), reason: Reason })
        .openapi('DecideCheckInRequest'),
    ),
  },
  responses: {
    200: jsonResponse('Decided', z.object({ status: z.enum(['accepted', 'rejected']) })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const CheckInCode = z
  .object({
    code: z.string(),
    expiresAt: z.string(),
    checkInUrl: z.string(),
    qrDataUrl: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
  })
  .openapi('CheckInCode');

export const getCheckInCode = route({
  method: 'get',
  path: '/{id}/check-in-code',
  summary: 'The rotating self check-in code to show in the room (its trainers and admins)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The current code', CheckInCode),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const checkIn = route({
  method: 'post',
  path: '/',
  summary: 'Check myself in with the code shown in the room',
  request: {
    body: jsonBody(
      z
        .object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'Six digits')
            .optional()
            .openapi({ description: 'The six digits typed from the screen (limited tries)' }),
          token: z
            .string()
            .max(120)
            .regex(/^[0-9A-Za-z._-]+$/, 'A check-in token')
            .optional()
            .openapi({ description: 'The signed token from the QR code' }),
          sessionId: Id.optional(),
        })
        .refine((b) => (b.code === undefined) !== (b.token === undefined), {
          message: 'Send either the code or the token',
          path: ['code'],
        })
        .openapi('CheckInRequest'),
    ),
  },
  responses: {
    200: jsonResponse(
      'Checked in (or already was)',
      z.object({
        sessionId: z.number().int(),
        alreadyCheckedIn: z.boolean(),
        outcome: z
          .enum(['checked_in', 'already_checked_in', 'requested', 'request_rejected'])
          .openapi({
            description:
              'Without a booking the check-in is a request the trainer accepts or rejects',
          }),
      }),
    ),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
