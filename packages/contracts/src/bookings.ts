import { z } from '@hono/zod-openapi';
import { errorResponses, Id, IdParam, jsonBody, jsonResponse, routesOf } from './common.ts';

const route = routesOf('bookings');

/** Where a booking stands: a seat, a place on the waitlist, or given up. */
export const BookingStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);

export const Booking = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    courseId: z.number().int(),
    fiscalYear: z.number().int(),
    staffId: z.number().int(),
    status: BookingStatus,
    waitlistPosition: z.number().int().nullable(),
  })
  .openapi('Booking');
export type Booking = z.infer<typeof Booking>;

export const createBooking = route({
  method: 'post',
  path: '/',
  summary: 'Book a seat, or a place on the waitlist when the session is full',
  request: {
    body: jsonBody(
      z
        .object({
          sessionId: Id,
          staffId: Id.optional().openapi({
            description: 'Book on behalf of someone in your scope',
          }),
        })
        .openapi('CreateBookingRequest'),
    ),
  },
  responses: {
    201: jsonResponse('Booked or waitlisted', Booking),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const moveBooking = route({
  method: 'post',
  path: '/{id}/move',
  summary: 'Move to another session of the same course in one step',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ sessionId: Id })),
  },
  responses: {
    200: jsonResponse('Moved', Booking),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const cancelBooking = route({
  method: 'post',
  path: '/{id}/cancel',
  summary: 'Cancel a booking or leave a waitlist (after the cut-off: admins only, with a reason)',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ reason: z.string().trim().max(500).optional() }), {
      required: false,
    }),
  },
  responses: {
    200: jsonResponse('Cancelled', Booking),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const bookingCalendar = route({
  method: 'get',
  path: '/{id}/calendar.ics',
  summary: 'The booking as an iCalendar file (METHOD:CANCEL once cancelled or moved)',
  request: { params: IdParam },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

/** What booking one person of a list came to. */
export const BookForOthersOutcome = z
  .enum([
    'booked',
    'waitlisted',
    'already_booked',
    'already_done',
    'not_required',
    'outside_scope',
    'unknown',
    'closed',
  ])
  .openapi('BookForOthersOutcome', {
    description:
      'booked / waitlisted: done now; already_booked: holds a seat (or this wait) for the course; already_done: completed this year; not_required: the course does not require them; outside_scope: not someone you oversee; unknown: no active member of staff; closed: the session stopped taking bookings meanwhile',
  });
export type BookForOthersOutcome = z.infer<typeof BookForOthersOutcome>;

export const BookForOthersResult = z
  .object({
    staffNumber: z.string(),
    staffId: z.number().int().nullable(),
    /** Only for people in your scope. */
    name: z.string().nullable(),
    outcome: BookForOthersOutcome,
    bookingId: z.number().int().nullable(),
    waitlistPosition: z.number().int().nullable(),
  })
  .openapi('BookForOthersResult');
export type BookForOthersResult = z.infer<typeof BookForOthersResult>;

export const BookForOthersRequest = z
  .object({
    sessionId: Id,
    staffIds: z.array(Id).max(500).default([]),
    staffNumbers: z.array(z.string().trim().min(1).max(32)).max(500).default([]),
  })
  .refine((r) => r.staffIds.length + r.staffNumbers.length > 0, {
    message: 'Choose at least one person',
    path: ['staffIds'],
  })
  .refine((r) => r.staffIds.length + r.staffNumbers.length <= 500, {
    message: 'At most 500 people at a time',
    path: ['staffNumbers'],
  })
  .openapi('BookForOthersRequest');

export const bookForOthers = route({
  method: 'post',
  path: '/for-others',
  summary:
    'Book many people you oversee on one session in one step (section heads, unit security officers, admins): a result per person',
  request: {
    body: jsonBody(BookForOthersRequest),
  },
  responses: {
    200: jsonResponse(
      'Each person once, in the order given, with what booking them came to',
      z.object({ results: z.array(BookForOthersResult) }).openapi('BookForOthersResponse'),
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
