import {
  getStaffMember as getStaffMemberRoute,
  searchStaff as searchStaffRoute,
} from '@kenshu/contracts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { getStaffMember, searchStaff } from '../services/staff/search.ts';

export const staffRoutes = createRouter()
  .openapi(searchStaffRoute, async (c) => {
    const page = await searchStaff({ ctx: serviceContext(c), input: c.req.valid('query') });
    return c.json(page, 200);
  })
  .openapi(getStaffMemberRoute, async (c) => {
    const member = await getStaffMember({ ctx: serviceContext(c), input: c.req.valid('param') });
    return c.json(member, 200);
  });
