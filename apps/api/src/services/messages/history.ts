import type { SentMessage } from '@kenshu/contracts';
import { findOrgUnitById, findStaffById, listOutbox, type MailStatus } from '@kenshu/db';
import { canSeePerson, isMessageKind, MESSAGE_CATALOGUE, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

type OutboxItem = Awaited<ReturnType<typeof listOutbox>>['items'][number];

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/** One outbox row as people read it; a message carrying a secret never shows its body. */
export function toSentMessage(row: OutboxItem): SentMessage {
  const secret = isMessageKind(row.kind) && MESSAGE_CATALOGUE[row.kind].confidential;
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    subject: row.subject,
    body: secret ? null : row.body,
    toAddress: row.to_address,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: iso(row.sent_at),
    nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null,
  };
}

/** The total of a listing, from its count per status. */
export function totalOf(byStatus: Partial<Record<MailStatus, number>>, status?: MailStatus) {
  return status
    ? (byStatus[status] ?? 0)
    : Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0);
}

/**
 * What was sent to a person, when, why and whether it arrived: for the person themself, and for
 * those who may chase them (their section head, unit officer, admins). Anyone else is told the
 * person does not exist.
 */
export async function messageHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId?: number | undefined; limit: number; offset: number };
}): Promise<{ items: SentMessage[]; total: number }> {
  const viewer = requireViewer(ctx);
  const staffId = input.staffId ?? viewer.staffId;
  const staff = await findStaffById(ctx.db, staffId);
  const unit = staff ? await findOrgUnitById(ctx.db, staff.org_unit_id) : undefined;
  if (!staff || !unit || !canSeePerson(viewer, { staffId, unitPath: unit.path }))
    throw notFound('staff member');
  const { items, byStatus } = await listOutbox(ctx.db, {
    staffId,
    limit: input.limit,
    offset: input.offset,
  });
  return { items: items.map(toSentMessage), total: totalOf(byStatus) };
}
