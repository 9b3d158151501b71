import {
  exportTeamStatus as exportTeamStatusRoute,
  getTeamStatus,
  previewReminders as previewRemindersRoute,
  sendReminders as sendRemindersRoute,
} from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { csvHeaders } from '../lib/csv.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { previewReminders, sendReminders } from '../services/team/reminders.ts';
import { exportTeamStatus, teamStatus } from '../services/team/team-status.ts';

const OVERSEERS = anyOf('admin', 'section_head', 'unit_security_officer');

export const teamRoutes = createRouter()
  .openapi(withAccess(getTeamStatus, OVERSEERS), async (c) => {
    return c.json(await teamStatus({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(exportTeamStatusRoute, OVERSEERS), async (c) => {
    const { csv, courseCode, fiscalYear } = await exportTeamStatus({
      ctx: serviceContext(c),
      input: c.req.valid('query'),
    });
    const code = courseCode.replace(/[^A-Za-z0-9-]/g, '_');
    return c.body(csv, 200, csvHeaders(`kenshu-team-${fiscalYear}-${code}.csv`));
  })
  .openapi(withAccess(previewRemindersRoute, OVERSEERS), async (c) => {
    return c.json(
      await previewReminders({ ctx: serviceContext(c), input: c.req.valid('json') }),
      200,
    );
  })
  .openapi(withAccess(sendRemindersRoute, OVERSEERS), async (c) => {
    return c.json(await sendReminders({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
  });
