import { z } from '@hono/zod-openapi';
import { jsonResponse, routesOf } from './common.ts';

const route = routesOf('system');

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['embedded', 'postgres']),
    migration: z.string().nullable(),
    version: z.string(),
    /** The Node.js version running the API (for a security review: a supported LTS). */
    runtime: z.string(),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;

export const getHealth = route({
  method: 'get',
  path: '/',
  summary: 'Liveness, database kind, migration version and runtime',
  responses: {
    200: jsonResponse('The service is up', Health),
  },
});

export const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({
      /** The database answered a query. */
      database: z.boolean(),
      /** The database has every migration this code knows (and no newer one). */
      migrations: z.boolean(),
      /** The scheduled jobs run in this instance (false also where KENSHU_JOBS=off). */
      jobs: z.boolean(),
      /** The instance is not shutting down. */
      accepting: z.boolean(),
    }),
    migration: z.string().nullable(),
    expectedMigration: z.string().nullable(),
  })
  .openapi('Readiness');
export type Readiness = z.infer<typeof Readiness>;

export const getReadiness = route({
  method: 'get',
  path: '/',
  summary: 'Ready for traffic: database reachable, migrations current, jobs running',
  description:
    'A load balancer sends traffic only while this answers 200. 503 while the database is ' +
    'unreachable, migrations are behind, the jobs stopped, or the instance is shutting down. ' +
    'An instance started with KENSHU_JOBS=off is ready without running jobs.',
  responses: {
    200: jsonResponse('Ready', Readiness),
    503: jsonResponse('Not ready', Readiness),
  },
});
