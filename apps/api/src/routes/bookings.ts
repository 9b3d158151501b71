import {
  bookForOthers as bookForOthersRoute,
  bookingCalendar as bookingCalendarRoute,
  cancelBooking as cancelBookingRoute,
  createBooking as createBookingRoute,
  moveBooking as moveBookingRoute,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { bookSession } from '../services/bookings/book.ts';
import { bookForOthers } from '../services/bookings/book-for-others.ts';
import { bookingCalendar } from '../services/bookings/calendar.ts';
import { cancelBooking } from '../services/bookings/cancel.ts';
import { moveBooking } from '../services/bookings/move.ts';

export const bookingRoutes = createRouter()
  .openapi(withAccess(createBookingRoute, SIGNED_IN), async (c) => {
    return c.json(await bookSession({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);
  })
  .openapi(
    withAccess(bookForOthersRoute, anyOf('admin', 'section_head', 'unit_security_officer')),
    async (c) => {
      return c.json(
        await bookForOthers({ ctx: serviceContext(c), input: c.req.valid('json') }),
        200,
      );
    },
  )
  .openapi(withAccess(moveBookingRoute, SIGNED_IN), async (c) => {
    const input = {
      bookingId: c.req.valid('param').id,
      toSessionId: c.req.valid('json').sessionId,
    };
    return c.json(await moveBooking({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(cancelBookingRoute, SIGNED_IN), async (c) => {
    // The body is optional: without one, no reason is given.
    const reason = (c.req.valid('json') as { reason?: string } | undefined)?.reason || undefined;
    return c.json(
      await cancelBooking({
        ctx: serviceContext(c),
        input: { bookingId: c.req.valid('param').id, reason },
      }),
      200,
    );
  })
  .openapi(withAccess(bookingCalendarRoute, SIGNED_IN), async (c) => {
    const ics = await bookingCalendar({
      ctx: serviceContext(c),
      input: { bookingId: c.req.valid('param').id },
    });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="kenshu-booking-${c.req.valid('param').id}.ics"`,
    });
  });
