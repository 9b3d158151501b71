import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdParam } from './common.ts';

export const Booking = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    courseId: z.number().int(),
    fiscalYear: z.number().int(),
    staffId: z.number().int(),
    status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
    waitlistPosition: z.number().int().nullable(),
  })
  .openapi('Booking');
export type Booking = z.infer<typeof Booking>;

export const createBooking = createRoute({
  method: 'post',
  path: '/',
  tags: ['bookings'],
  summary: 'Book a seat, or a place on the waitlist when the session is full',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              sessionId: z.number().int().positive(),
              staffId: z
                .number()
                .int()
                .positive()
                .optional()
                .openapi({ description: 'Book on behalf of someone in your scope' }),
            })
            .openapi('CreateBookingRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      description: 'Booked or waitlisted',
      content: { 'application/json': { schema: Booking } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const moveBooking = createRoute({
  method: 'post',
  path: '/{id}/move',
  tags: ['bookings'],
  summary: 'Move to another session of the same course in one step',
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': { schema: z.object({ sessionId: z.number().int().positive() }) },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'Moved', content: { 'application/json': { schema: Booking } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const cancelBooking = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags: ['bookings'],
  summary: 'Cancel a booking or leave a waitlist (after the cut-off: admins only, with a reason)',
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': { schema: z.object({ reason: z.string().trim().max(500).optional() }) },
      },
      required: false,
    },
  },
  responses: {
    200: { description: 'Cancelled', content: { 'application/json': { schema: Booking } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const bookingCalendar = createRoute({
  method: 'get',
  path: '/{id}/calendar.ics',
  tags: ['bookings'],
  summary: 'The booking as an iCalendar file (METHOD:CANCEL once cancelled or moved)',
  request: { params: IdParam },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});
