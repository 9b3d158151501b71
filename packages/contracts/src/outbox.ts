import { z } from '@hono/zod-openapi';
import { MAIL_STATUSES } from '@kenshu/domain';
import {
  errorResponses,
  Id,
  jsonBody,
  jsonResponse,
  PageQuery,
  PersonRef,
  routesOf,
} from './common.ts';
import { SentMessage } from './team.ts';

const route = routesOf('outbox');

export const MailStatus = z.enum(MAIL_STATUSES).openapi('MailStatus');

export const OutboxMessage = SentMessage.extend({
  recipient: PersonRef,
}).openapi('OutboxMessage');

export const OutboxPage = z
  .object({
    items: z.array(OutboxMessage),
    total: z.number().int().openapi({ description: 'Messages matching the filters' }),
    counts: z.partialRecord(MailStatus, z.number().int()),
    smtpConfigured: z
      .boolean()
      .openapi({ description: 'False: no mail server set, messages wait here' }),
  })
  .openapi('OutboxPage');
export type OutboxPage = z.infer<typeof OutboxPage>;

export const listOutbox = route({
  method: 'get',
  path: '/',
  summary: 'E-mails decided, queued, sent and failed, newest first (admins)',
  request: {
    query: PageQuery.extend({
      status: MailStatus.optional(),
      q: z.string().trim().max(100).optional(),
    }),
  },
  responses: {
    200: jsonResponse('Outbox', OutboxPage),
    ...errorResponses(400, 401, 403),
  },
});

export const retryOutbox = route({
  method: 'post',
  path: '/retry',
  summary: 'Put failed e-mails back in the queue, due now (admins)',
  request: {
    body: jsonBody(z.object({ ids: z.array(Id).min(1).max(1000) }).openapi('RetryOutboxRequest')),
  },
  responses: {
    200: jsonResponse('Requeued', z.object({ requeued: z.number().int() })),
    ...errorResponses(400, 401, 403),
  },
});
