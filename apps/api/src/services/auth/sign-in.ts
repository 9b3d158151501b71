import {
  clearThrottle,
  findCredential,
  findStaffByLogin,
  findThrottles,
  insertAuthSession,
  recordSignInFailure,
} from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import type { Me } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { getMe } from './me.ts';
import { loadViewer } from './viewer.ts';

/** Guessing policy: failures per login and per client address within a 15-minute window. */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  loginLockAfter: 10,
  addressLockAfter: 50,
  slowAfter: 3,
} as const;

// One message for unknown people, wrong passwords and inactive accounts alike.
const WRONG = 'The staff number, e-mail or password is not right';

export interface SignInInput {
  login: string;
  password: string;
  userAgent: string | null;
  clientAddress: string;
}

/**
 * Checks the password and starts a new server-side session (a fresh id every time, so a session
 * id planted before sign-in is worthless). Slows, then locks out, repeated failures.
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
  const loginKey = `login:${input.login.trim().toLowerCase()}`;
  const addressKey = `address:${input.clientAddress}`;
  const throttles = await findThrottles(ctx.db, [loginKey, addressKey]);
  const lockedUntil = throttles
    .map((t) => t.locked_until)
    .filter((d): d is Date => d !== null && d > ctx.now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) {
    throw new AppError('RATE_LIMITED', 'Too many failed sign-ins. Try again later.', {
      retryAfterSeconds: Math.ceil((lockedUntil.getTime() - ctx.now.getTime()) / 1000),
    });
  }

  const staff = await findStaffByLogin(ctx.db, input.login.trim());
  const credential = staff?.active ? await findCredential(ctx.db, staff.id) : undefined;
  const ok = await verifyPassword(credential?.password_hash, input.password);
  const viewer = ok && staff ? await loadViewer(ctx.db, staff.id) : null;
  if (!viewer) {
    const opts = { now: ctx.now, windowMs: THROTTLE.windowMs, lockMs: THROTTLE.lockMs };
    const [byLogin] = await Promise.all([
      recordSignInFailure(ctx.db, loginKey, { ...opts, lockAfter: THROTTLE.loginLockAfter }),
      recordSignInFailure(ctx.db, addressKey, { ...opts, lockAfter: THROTTLE.addressLockAfter }),
    ]);
    // Each further failure waits longer before answering, which makes guessing slow.
    const excess = byLogin.failures - THROTTLE.slowAfter;
    if (excess > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** excess)));
    throw new AppError('UNAUTHENTICATED', WRONG);
  }

  await clearThrottle(ctx.db, loginKey);
  const token = randomToken();
  const maxAgeSeconds = ctx.config.sessionAbsoluteHours * 3600;
  const session = await insertAuthSession(ctx.db, {
    token_hash: sha256(token),
    staff_id: viewer.staffId,
    csrf_token: randomToken(),
    expires_at: new Date(ctx.now.getTime() + maxAgeSeconds * 1000),
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    client_address: input.clientAddress,
  });
  const me = await getMe({
    ctx,
    viewer: { ...viewer, sessionId: session.id, csrfToken: session.csrf_token },
  });
  return { token, me, maxAgeSeconds };
}
