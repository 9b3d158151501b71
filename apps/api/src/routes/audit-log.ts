import {
  exportAuditLog as exportAuditLogRoute,
  searchAuditLog as searchAuditLogRoute,
} from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { exportAuditLog, searchAuditLog } from '../services/audit/search.ts';
import { csvHeaders } from '../lib/csv.ts';

const ADMIN = anyOf('admin');

export const auditLogRoutes = createRouter()
  .openapi(withAccess(searchAuditLogRoute, ADMIN), async (c) => {
    return c.json(
      await searchAuditLog({ ctx: serviceContext(c), input: c.req.valid('query') }),
      200,
    );
  })
  .openapi(withAccess(exportAuditLogRoute, ADMIN), async (c) => {
    const csv = await exportAuditLog({ ctx: serviceContext(c), input: c.req.valid('query') });
    return c.body(csv, 200, csvHeaders('kenshu-audit-log.csv'));
  });
