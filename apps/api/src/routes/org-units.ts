import {
  clearSectionHeadOversight,
  listOrgUnits,
  listSectionHeads,
  setGroupSessions as setGroupSessionsRoute,
  setSectionHeadOversight,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { setGroupSessions } from '../services/org-units/group-sessions.ts';
import { listOrgUnitTree } from '../services/org-units/list.ts';
import {
  changeSectionHeadOversight,
  listUnitSectionHeads,
} from '../services/org-units/section-heads.ts';

const ADMIN = anyOf('admin');

export const orgUnitRoutes = createRouter()
  .openapi(withAccess(listOrgUnits, SIGNED_IN), async (c) => {
    const items = await listOrgUnitTree({ ctx: serviceContext(c) });
    return c.json({ items }, 200);
  })
  .openapi(withAccess(setGroupSessionsRoute, ADMIN), async (c) => {
    const unit = await setGroupSessions({
      ctx: serviceContext(c),
      input: {
        unitId: c.req.valid('param').id,
        hasGroupSessions: c.req.valid('json').hasGroupSessions,
      },
    });
    return c.json(unit, 200);
  })
  .openapi(withAccess(listSectionHeads, ADMIN), async (c) => {
    const items = await listUnitSectionHeads({
      ctx: serviceContext(c),
      input: { unitId: c.req.valid('param').id },
    });
    return c.json({ items }, 200);
  })
  .openapi(withAccess(setSectionHeadOversight, ADMIN), async (c) => {
    const { id, staffId } = c.req.valid('param');
    const head = await changeSectionHeadOversight({
      ctx: serviceContext(c),
      input: { unitId: id, staffId, action: 'set' },
    });
    return c.json(head, 200);
  })
  .openapi(withAccess(clearSectionHeadOversight, ADMIN), async (c) => {
    const { id, staffId } = c.req.valid('param');
    const head = await changeSectionHeadOversight({
      ctx: serviceContext(c),
      input: { unitId: id, staffId, action: 'clear' },
    });
    return c.json(head, 200);
  });
