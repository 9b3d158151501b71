import type { OutboxPage } from '@kenshu/contracts';
import { listOutbox, requeueMail, type MailStatus } from '@kenshu/db';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { toSentMessage, totalOf } from './history.ts';

/**
 * The outbox as admins watch it: every e-mail decided, its delivery status and last error. With
 * no mail server configured the messages wait here, visibly, rather than being dropped.
 */
export async function outboxPage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status?: MailStatus | undefined; q?: string | undefined; limit: number; offset: number };
}): Promise<OutboxPage> {
  requireViewer(ctx);
  const { items, byStatus } = await listOutbox(ctx.db, {
    status: input.status,
    search: input.q || undefined,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    items: items.map((row) => ({
      ...toSentMessage(row),
      recipient: { staffId: row.staff_id, staffNumber: row.staff_number, name: row.staff_name },
    })),
    total: totalOf(byStatus, input.status),
    counts: byStatus,
    smtpConfigured: Boolean(ctx.config.smtpUrl),
  };
}

/**
 * Puts failed e-mails back in the queue, due now. Not audited: it changes no one's record, and
 * each message keeps its own attempts and error.
 */
export async function retryOutbox({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ids: number[] };
}): Promise<{ requeued: number }> {
  requireViewer(ctx);
  return { requeued: await requeueMail(ctx.db, [...new Set(input.ids)], ctx.now) };
}
