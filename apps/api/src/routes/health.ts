import { getHealth } from '@kenshu/contracts';
import { currentMigration } from '@kenshu/db';
import { PUBLIC } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';

export const healthRoutes = createRouter().openapi(withAccess(getHealth, PUBLIC), async (c) => {
  const { db, kind } = c.var.database;
  return c.json(
    {
      status: 'ok' as const,
      database: kind,
      migration: await currentMigration(db),
      version: '0.1.0',
      runtime: `node ${process.version}`,
    },
    200,
  );
});
