import {
  budgetAvailableAt,
  claimPasswordToken,
  endSignInSessionsOf,
  insertAudit,
  isUsablePasswordToken,
  recordFailedAttempt,
  releaseAttempt,
  reserveAttempt,
  revokePasswordTokensOf,
  runInTransaction,
  setPasswordHash,
} from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { sha256 } from '../../lib/tokens.ts';

/**
 * Link attempts per client address: links are followed, not typed, so a few failures are all an
 * honest person needs; past that the address waits. Kept in the database, so every app instance
 * counts against the same budget.
 */
export const LINK_THROTTLE = { windowMs: 15 * 60_000, lockMs: 15 * 60_000, limit: 10 } as const;

const DEAD_LINK = 'This link has expired or was already used; ask for a new one';

/**
 * Sets a password with a one-time link. The token is checked before the password is hashed (a
 * made-up token costs one indexed read, not a hash), then claimed and the password stored in one
 * transaction. The person's other links stop working and their sessions end, since whoever had
 * them may not be them.
 */
export async function setPasswordWithToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string; password: string; clientAddress: string };
}): Promise<void> {
  const budgetKey = `password-link:address:${input.clientAddress}`;
  const budget = { now: ctx.now, ...LINK_THROTTLE };
  if (!(await reserveAttempt(ctx.db, budgetKey, budget))) {
    const availableAt = await budgetAvailableAt(ctx.db, budgetKey, LINK_THROTTLE.windowMs);
    const waitMs = (availableAt?.getTime() ?? ctx.now.getTime()) - ctx.now.getTime();
    throw new AppError('RATE_LIMITED', 'Too many attempts with set-password links. Try later.', {
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
  const tokenHash = sha256(input.token);
  if (!(await isUsablePasswordToken(ctx.db, tokenHash, ctx.now))) {
    await recordFailedAttempt(ctx.db, budgetKey, budget);
    throw new AppError('FORBIDDEN', DEAD_LINK);
  }

  try {
    const passwordHash = await hashPassword(input.password);
    await runInTransaction(ctx.db, async (trx) => {
      // Claimed again under the transaction: another request may have used the link meanwhile.
      const claimed = await claimPasswordToken(trx, tokenHash, ctx.now);
      if (!claimed) throw new AppError('FORBIDDEN', DEAD_LINK);
      await setPasswordHash(trx, claimed.staff_id, passwordHash);
      const revokedLinks = await revokePasswordTokensOf(trx, claimed.staff_id, ctx.now, claimed.id);
      await endSignInSessionsOf(trx, claimed.staff_id, ctx.now);
      await insertAudit(trx, {
        actorStaffId: claimed.staff_id,
        action: 'account.password_set',
        targetType: 'staff',
        targetId: claimed.staff_id,
        after: { revokedLinks },
        requestId: ctx.requestId,
      });
    });
  } finally {
    // A good link spends nothing from the address's budget, whatever happened after the check.
    await releaseAttempt(ctx.db, budgetKey);
  }
}
