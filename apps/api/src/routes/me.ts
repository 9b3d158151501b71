import {
  calendarFeed as calendarFeedRoute,
  createCalendarFeed as createCalendarFeedRoute,
  creditCompletion as creditCompletionRoute,
  deleteCalendarFeed as deleteCalendarFeedRoute,
  getMyMessages,
  getMyTraining,
  getStaffMessages,
  getStaffTraining,
  listNotifications as listNotificationsRoute,
  readNotification as readNotificationRoute,
} from '@kenshu/contracts';
import { anyOf, PUBLIC, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import {
  calendarFeed,
  createCalendarFeed,
  revokeCalendarFeed,
} from '../services/bookings/calendar.ts';
import { messageHistory } from '../services/messages/history.ts';
import { listNotifications, readNotification } from '../services/notifications/list.ts';
import { creditCompletion } from '../services/training/credit.ts';
import { trainingRecord } from '../services/training/record.ts';

/** The signed-in person's own things: their record, notifications and calendar feed. */
export const meRoutes = createRouter()
  .openapi(withAccess(getMyTraining, SIGNED_IN), async (c) => {
    return c.json(
      await trainingRecord({ ctx: serviceContext(c), input: c.req.valid('query') }),
      200,
    );
  })
  .openapi(withAccess(listNotificationsRoute, SIGNED_IN), async (c) => {
    return c.json({ items: await listNotifications({ ctx: serviceContext(c) }) }, 200);
  })
  .openapi(withAccess(getMyMessages, SIGNED_IN), async (c) => {
    return c.json(
      await messageHistory({ ctx: serviceContext(c), input: c.req.valid('query') }),
      200,
    );
  })
  .openapi(withAccess(readNotificationRoute, SIGNED_IN), async (c) => {
    await readNotification({ ctx: serviceContext(c), input: c.req.valid('param') });
    return c.body(null, 204);
  })
  .openapi(withAccess(createCalendarFeedRoute, SIGNED_IN), async (c) => {
    return c.json(
      await createCalendarFeed({
        ctx: serviceContext(c),
        input: { origin: new URL(c.req.url).origin },
      }),
      201,
    );
  })
  .openapi(withAccess(deleteCalendarFeedRoute, SIGNED_IN), async (c) => {
    await revokeCalendarFeed({ ctx: serviceContext(c) });
    return c.body(null, 204);
  });

export const staffTrainingRoutes = createRouter()
  .openapi(withAccess(getStaffTraining, SIGNED_IN), async (c) => {
    const input = { staffId: c.req.valid('param').id, fiscalYear: c.req.valid('query').fiscalYear };
    return c.json(await trainingRecord({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(getStaffMessages, SIGNED_IN), async (c) => {
    const input = { staffId: c.req.valid('param').id, ...c.req.valid('query') };
    return c.json(await messageHistory({ ctx: serviceContext(c), input }), 200);
  });

/** Calendar apps cannot sign in; the secret token in the URL is the credential. */
export const calendarFeedRoutes = createRouter().openapi(
  withAccess(calendarFeedRoute, PUBLIC),
  async (c) => {
    const ics = await calendarFeed({ ctx: serviceContext(c), input: c.req.valid('param') });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  },
);

export const completionRoutes = createRouter().openapi(
  withAccess(creditCompletionRoute, anyOf('admin')),
  async (c) => {
    await creditCompletion({ ctx: serviceContext(c), input: c.req.valid('json') });
    return c.body(null, 201);
  },
);
