import type { OutboxPage } from '@kenshu/contracts';
import {
  insertAudit,
  listOutbox,
  requeueMail,
  runInTransaction,
  type MailStatus,
} from '@kenshu/db';
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
 * Puts failed e-mails back in the queue, due now. Audited (one row per retry, naming each
 * message and the error it had), since it makes Kenshu send mail again on an admin's word.
 */
export async function retryOutbox({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ids: number[] };
}): Promise<{ requeued: number }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const moved = await requeueMail(trx, [...new Set(input.ids)], ctx.now);
    if (moved.length > 0) {
      const recipients = new Set(moved.map((m) => m.staff_id));
      await insertAudit(trx, {
        actorStaffId: viewer.staffId,
        action: 'mail.retried',
        targetType: 'staff',
        targetId: recipients.size === 1 ? (moved[0]?.staff_id ?? null) : null,
        before: {
          status: 'failed',
          messages: moved.map((m) => ({
            id: m.id,
            staffId: m.staff_id,
            kind: m.kind,
            error: m.last_error,
          })),
        },
        after: { status: 'queued', count: moved.length },
        requestId: ctx.requestId,
      });
    }
    return { requeued: moved.length };
  });
}
