import {
  cancelSession as cancelSessionRoute,
  checkSchedule as checkScheduleRoute,
  createSeries as createSeriesRoute,
  createSession as createSessionRoute,
  getSession as getSessionRoute,
  getSessionParticipants as getSessionParticipantsRoute,
  listHolidays as listHolidaysRoute,
  listSessions as listSessionsRoute,
  updateSession as updateSessionRoute,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { getSession, listSessions } from '../services/sessions/list.ts';
import { getSessionParticipants } from '../services/sessions/participants.ts';
import { checkSchedule, holidaysOfMonth } from '../services/sessions/schedule-check.ts';
import {
  cancelSession,
  createSeries,
  createSession,
  updateSession,
} from '../services/sessions/schedule.ts';

const ADMIN = anyOf('admin');

export const sessionRoutes = createRouter()
  .openapi(withAccess(listSessionsRoute, SIGNED_IN), async (c) => {
    return c.json(
      { items: await listSessions({ ctx: serviceContext(c), input: c.req.valid('query') }) },
      200,
    );
  })
  .openapi(withAccess(createSeriesRoute, ADMIN), async (c) => {
    return c.json(
      { items: await createSeries({ ctx: serviceContext(c), input: c.req.valid('json') }) },
      201,
    );
  })
  .openapi(withAccess(checkScheduleRoute, ADMIN), async (c) => {
    return c.json(
      { items: await checkSchedule({ ctx: serviceContext(c), input: c.req.valid('json') }) },
      200,
    );
  })
  // Before /{id}, which would otherwise take 'holidays' for an id.
  .openapi(withAccess(listHolidaysRoute, SIGNED_IN), (c) => {
    return c.json({ items: holidaysOfMonth(c.req.valid('query').month) }, 200);
  })
  .openapi(withAccess(getSessionRoute, SIGNED_IN), async (c) => {
    return c.json(await getSession({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
  })
  .openapi(withAccess(createSessionRoute, ADMIN), async (c) => {
    return c.json(await createSession({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);
  })
  .openapi(withAccess(updateSessionRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await updateSession({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(cancelSessionRoute, ADMIN), async (c) => {
    const input = { id: c.req.valid('param').id, reason: c.req.valid('json').reason };
    return c.json(await cancelSession({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(getSessionParticipantsRoute, anyOf('admin', 'trainer')), async (c) => {
    return c.json(
      {
        items: await getSessionParticipants({
          ctx: serviceContext(c),
          input: c.req.valid('param'),
        }),
      },
      200,
    );
  });
