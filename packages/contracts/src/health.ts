import { createRoute, z } from '@hono/zod-openapi';

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['embedded', 'postgres']),
    migration: z.string().nullable(),
    version: z.string(),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;

export const getHealth = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Liveness, database kind and migration version',
  responses: {
    200: { description: 'The service is up', content: { 'application/json': { schema: Health } } },
  },
});
