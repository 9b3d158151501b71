import { createRoute, z } from '@hono/zod-openapi';

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

export const getHealth = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Liveness, database kind, migration version and runtime',
  responses: {
    200: { description: 'The service is up', content: { 'application/json': { schema: Health } } },
  },
});
