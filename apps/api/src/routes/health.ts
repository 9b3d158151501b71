import { getHealth, getReadiness } from '@kenshu/contracts';
import { currentMigration, latestMigration } from '@kenshu/db';
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

export const readinessRoutes = createRouter().openapi(
  withAccess(getReadiness, PUBLIC),
  async (c) => {
    const { database, lifecycle } = c.var;
    let migration: string | null = null;
    let reachable = false;
    try {
      migration = await currentMigration(database.db);
      reachable = true;
    } catch (error) {
      c.var.log.warn({ err: error }, 'readiness: the database did not answer');
    }
    const checks = {
      database: reachable,
      migrations: reachable && migration === latestMigration,
      jobs: !c.var.config.jobs || lifecycle.jobsRunning(),
      accepting: !lifecycle.draining(),
    };
    const ready = Object.values(checks).every(Boolean);
    const body = {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      checks,
      migration,
      expectedMigration: latestMigration,
    };
    return ready ? c.json(body, 200) : c.json(body, 503);
  },
);
