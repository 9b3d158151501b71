import { listOutbox as listOutboxRoute, retryOutbox as retryOutboxRoute } from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { outboxPage, retryOutbox } from '../services/messages/outbox.ts';

const ADMIN = anyOf('admin');

export const outboxRoutes = createRouter()
  .openapi(withAccess(listOutboxRoute, ADMIN), async (c) => {
    return c.json(await outboxPage({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
  })
  .openapi(withAccess(retryOutboxRoute, ADMIN), async (c) => {
    return c.json(await retryOutbox({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
  });
