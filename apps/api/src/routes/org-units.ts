import { listOrgUnits } from '@kenshu/contracts';
import { SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { listOrgUnitTree } from '../services/org-units/list.ts';

export const orgUnitRoutes = createRouter().openapi(
  withAccess(listOrgUnits, SIGNED_IN),
  async (c) => {
    const items = await listOrgUnitTree({ ctx: serviceContext(c) });
    return c.json({ items }, 200);
  },
);
