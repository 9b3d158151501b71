import { claimPasswordToken, endAuthSessionsOf, insertAudit, setPasswordHash } from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { sha256 } from '../../lib/tokens.ts';

/**
 * Sets a password with a one-time link. The token is claimed and the password stored in one
 * transaction; the person's existing sessions end, since whoever had them may not be them.
 */
export async function setPasswordWithToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string; password: string };
}): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await claimPasswordToken(trx, sha256(input.token), ctx.now);
    if (!claimed) {
      throw new AppError(
        'FORBIDDEN',
        'This link has expired or was already used; ask for a new one',
      );
    }
    await setPasswordHash(trx, claimed.staff_id, passwordHash);
    await endAuthSessionsOf(trx, claimed.staff_id, ctx.now);
    await insertAudit(trx, {
      actorStaffId: claimed.staff_id,
      action: 'account.password_set',
      targetType: 'staff',
      targetId: claimed.staff_id,
      requestId: ctx.requestId,
    });
  });
}
