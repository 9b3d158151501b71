import { findStaffById, insertAudit, replacePasswordToken, runInTransaction } from '@kenshu/db';
import { conflict, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { publicBase, sendMessages } from '../messages/send.ts';

/**
 * E-mails a one-time set-password link to the person through the outbox, so nobody handles it
 * on the way: the admin sees only that it went. Earlier links stop working, as when one is
 * handed over. The outbox wipes the link from the stored message once the mail server has it.
 */
export async function emailPasswordLink({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number; origin: string };
}): Promise<{ status: 'queued' | 'no_address'; to: string; expiresAt: string }> {
  const viewer = requireViewer(ctx);
  const token = randomToken();
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.passwordLinkHours * 3600_000);
  const base = ctx.config.publicUrl ? publicBase(ctx.config) : input.origin.replace(/\/$/, '');
  return runInTransaction(ctx.db, async (trx) => {
    const staff = await findStaffById(trx, input.staffId);
    if (!staff) throw notFound('staff member');
    if (!staff.active) throw conflict('This person is no longer active');
    if (staff.email.trim() === '')
      throw conflict('This person has no e-mail address: hand the link over instead');
    const revokedLinks = await replacePasswordToken(
      trx,
      {
        token_hash: sha256(token),
        staff_id: staff.id,
        created_by: viewer.staffId,
        expires_at: expiresAt,
      },
      ctx.now,
    );
    const sent = await sendMessages(trx, ctx, [
      {
        kind: 'account.password_link',
        staffId: staff.id,
        // Each link is its own message: a second one the same day is sent too.
        reason: 'account.password_link',
        period: ctx.now.toISOString(),
        facts: { url: `${base}/set-password#token=${token}`, expiresAt: expiresAt.toISOString() },
      },
    ]);
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'account.password_link_issued',
      targetType: 'staff',
      targetId: staff.id,
      after: { expiresAt: expiresAt.toISOString(), revokedLinks, emailedTo: staff.email },
      requestId: ctx.requestId,
    });
    return {
      status: sent.queued.length ? 'queued' : 'no_address',
      to: staff.email,
      expiresAt: expiresAt.toISOString(),
    };
  });
}
