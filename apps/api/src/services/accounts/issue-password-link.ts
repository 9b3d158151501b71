import {
  findStaffById,
  insertAudit,
  replacePasswordToken,
  runInTransaction,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { conflict, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';

/**
 * Issues a one-time set-password link for a person. Only the hash of the token is stored; the
 * link is shown once, to the admin who hands it over. Links issued to the person before stop
 * working: only the one just handed over can set the password.
 */
export async function issuePasswordLink({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number; origin: string };
}): Promise<{ url: string; expiresAt: string }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const staff = await findStaffById(trx, input.staffId);
    if (!staff) throw notFound('staff member');
    if (!staff.active) throw conflict('This person is no longer active');
    return issueLinkFor(trx, ctx, {
      staffId: staff.id,
      issuedBy: viewer.staffId,
      origin: input.origin,
    });
  });
}

/**
 * The link itself, inside the caller's transaction: `issuedBy` is the admin who hands it over,
 * or null when the operator at the server's console does (`pnpm kenshu bootstrap-admin`).
 */
export async function issueLinkFor(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  { staffId, issuedBy, origin }: { staffId: number; issuedBy: number | null; origin: string },
): Promise<{ url: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.passwordLinkHours * 3600_000);
  const revokedLinks = await replacePasswordToken(
    trx,
    { token_hash: sha256(token), staff_id: staffId, created_by: issuedBy, expires_at: expiresAt },
    ctx.now,
  );
  await insertAudit(trx, {
    actorStaffId: issuedBy,
    action: 'account.password_link_issued',
    targetType: 'staff',
    targetId: staffId,
    after: { expiresAt: expiresAt.toISOString(), revokedLinks },
    requestId: ctx.requestId,
  });
  const base = ctx.config.publicUrl ?? origin;
  return {
    url: `${base.replace(/\/$/, '')}/set-password#token=${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}
