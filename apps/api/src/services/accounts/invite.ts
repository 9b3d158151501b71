import {
  findOrgUnitById,
  insertAudits,
  invitationCandidates,
  replacePasswordTokens,
  runInTransaction,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { z } from '@hono/zod-openapi';
import type { InvitationRequest, InvitationSummary } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { publicBase, sendMessages } from '../messages/send.ts';

type Request = z.infer<typeof InvitationRequest>;
type Summary = z.infer<typeof InvitationSummary>;

/** People per transaction: a ministry-wide run commits as it goes instead of one huge lock. */
const BATCH = 500;

/** Who an invitation run reaches, and who it leaves out and why. */
async function plan(ctx: ServiceContext, input: Request) {
  let unitPath: string | undefined;
  if (input.orgUnitId !== undefined) {
    const unit = await findOrgUnitById(ctx.db, input.orgUnitId);
    if (!unit) throw notFound('org unit');
    unitPath = unit.path;
  }
  const people = await invitationCandidates(ctx.db, { unitPath });
  const invite: number[] = [];
  const skipped = { hasPassword: 0, noEmail: 0 };
  for (const person of people) {
    if (input.onlyWithoutPassword && person.has_password) skipped.hasPassword++;
    else if (person.email.trim() === '') skipped.noEmail++;
    else invite.push(person.id);
  }
  return { invite, skipped };
}

/**
 * Issues set-password links to these people in the caller's transaction: each one's new link
 * replaces their unused ones, and the e-mail goes into the outbox with it, so a crash loses or
 * doubles nothing. One audit row per person e-mailed; returns who was (those with an address).
 */
export async function issueInvitations(
  trx: Transaction<DB>,
  ctx: Pick<ServiceContext, 'now' | 'config' | 'requestId'>,
  input: { staffIds: readonly number[]; by: number; base: string; expiresAt: Date },
): Promise<number[]> {
  if (input.staffIds.length === 0) return [];
  const batch = input.staffIds.map((staffId) => ({ staffId, token: randomToken() }));
  await replacePasswordTokens(
    trx,
    batch.map(({ staffId, token }) => ({
      token_hash: sha256(token),
      staff_id: staffId,
      created_by: input.by,
      expires_at: input.expiresAt,
    })),
    ctx.now,
  );
  const sent = await sendMessages(
    trx,
    ctx,
    batch.map(({ staffId, token }) => ({
      kind: 'account.password_link' as const,
      staffId,
      reason: 'account.invitation',
      period: ctx.now.toISOString(),
      facts: {
        url: `${input.base}/set-password#token=${token}`,
        expiresAt: input.expiresAt.toISOString(),
      },
    })),
  );
  await insertAudits(
    trx,
    sent.queued.map((staffId) => ({
      actorStaffId: input.by,
      action: 'account.password_link_issued' as const,
      targetType: 'staff' as const,
      targetId: staffId,
      after: { expiresAt: input.expiresAt.toISOString(), invitation: true },
      requestId: ctx.requestId,
    })),
  );
  return sent.queued;
}

/** What "send invitations" would do, without doing it (admins). */
export async function previewInvitations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Request;
}): Promise<Summary> {
  requireViewer(ctx);
  const { invite, skipped } = await plan(ctx, input);
  return { invited: invite.length, skipped };
}

/**
 * E-mails a one-time set-password link to everyone chosen (a unit and everything under it, or
 * the whole ministry; by default only people without a password), through the outbox. Each
 * link works once and expires; a person's earlier unused links stop working. One audit row
 * per person, as when a link is sent to one person.
 */
export async function sendInvitations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Request & { origin: string };
}): Promise<Summary> {
  const viewer = requireViewer(ctx);
  const { invite, skipped } = await plan(ctx, input);
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.passwordLinkHours * 3600_000);
  const base = ctx.config.publicUrl ? publicBase(ctx.config) : input.origin.replace(/\/$/, '');
  let invited = 0;
  for (let i = 0; i < invite.length; i += BATCH) {
    const batch = invite.slice(i, i + BATCH);
    invited += await runInTransaction(ctx.db, async (trx) => {
      const queued = await issueInvitations(trx, ctx, {
        staffIds: batch,
        by: viewer.staffId,
        base,
        expiresAt,
      });
      return queued.length;
    });
  }
  return { invited, skipped: { ...skipped, noEmail: skipped.noEmail + invite.length - invited } };
}
