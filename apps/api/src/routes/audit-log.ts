import {
  exportAuditLog as exportAuditLogRoute,
  searchAuditLog as searchAuditLogRoute,
} from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { exportAuditLog, searchAuditLog } from '../services/audit/search.ts';

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
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="kenshu-audit-log.csv"',
    });
  });
