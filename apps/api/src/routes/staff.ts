import {
  getStaffMember as getStaffMemberRoute,
  lookUpStaff as lookUpStaffRoute,
  searchStaff as searchStaffRoute,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { lookUpStaff } from '../services/staff/resolve.ts';
import { getStaffMember, searchStaff } from '../services/staff/search.ts';

export const staffRoutes = createRouter()
  .openapi(
    withAccess(searchStaffRoute, anyOf('admin', 'section_head', 'unit_security_officer')),
    async (c) => {
      const page = await searchStaff({ ctx: serviceContext(c), input: c.req.valid('query') });
      return c.json(page, 200);
    },
  )
  .openapi(
    withAccess(lookUpStaffRoute, anyOf('admin', 'section_head', 'unit_security_officer')),
    async (c) => {
      return c.json(await lookUpStaff({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
    },
  )
  .openapi(withAccess(getStaffMemberRoute, SIGNED_IN), async (c) => {
    const member = await getStaffMember({ ctx: serviceContext(c), input: c.req.valid('param') });
    return c.json(member, 200);
  });
