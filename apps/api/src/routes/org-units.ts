import { listOrgUnits } from '@kenshu/contracts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { listOrgUnitTree } from '../services/org-units/list.ts';

export const orgUnitRoutes = createRouter().openapi(listOrgUnits, async (c) => {
  const items = await listOrgUnitTree({ ctx: serviceContext(c) });
  return c.json({ items }, 200);
});
