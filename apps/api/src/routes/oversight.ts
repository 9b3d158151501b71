import { getTeamStatus, sendReminders as sendRemindersRoute } from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { sendReminders, teamStatus } from '../services/oversight/team-status.ts';

const OVERSEERS = anyOf('admin', 'section_head', 'unit_security_officer');

export const oversightRoutes = createRouter()
  .openapi(withAccess(getTeamStatus, OVERSEERS), async (c) => {
    return c.json(await teamStatus({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(sendRemindersRoute, OVERSEERS), async (c) => {
    return c.json(await sendReminders({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
  });
