import {
  budgetAvailableAt,
  clearThrottle,
  endSignInSession,
  findCredential,
  findStaffByLogin,
  insertSignInSession,
  isBreakGlassAccount,
  recordFailedAttempt,
  releaseAttempt,
  reserveAttempt,
  signInSettings,
  type Executor,
  type SignInMethod,
} from '@kenshu/db';
import { AppError, isAdmin, type Viewer } from '@kenshu/domain';
import type { Me } from '@kenshu/contracts';
import type { ServiceContext, SignIn } from '../../context.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { getMe } from './me.ts';
import { loadViewer } from './viewer.ts';

/**
 * Guessing policy: passwords checked per account and per client address within a 15-minute
 * window; once a budget is spent, the account (or address) is locked for 15 minutes.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountLimit: 10,
  addressLimit: 50,
  slowAfter: 3,
} as const;

// One message for unknown people, wrong passwords and inactive accounts alike.
const WRONG = 'The staff number, e-mail or password is not right';

export interface SignInInput {
  login: string;
  password: string;
  userAgent: string | null;
  clientAddress: string;
  /** The sign-in this browser already had, if any: it ends when the new one starts. */
  replacing: SignIn | null;
}

/**
 * Checks the password and starts a new server-side session (see startSession). Each check
 * first reserves an attempt from the account's and the address's budgets, so no burst of
 * concurrent guesses gets more checks than the limit. Repeated failures are slowed, then locked.
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
  const login = input.login.trim();
  const staff = await findStaffByLogin(ctx.db, login);
  // The budget belongs to the person, whether their staff number or e-mail is typed. A login that
  // matches nobody has a budget of its own, so its lock looks the same as a person's.
  const accountKey = staff ? `account:${staff.id}` : `login:${login.toLowerCase()}`;
  const addressKey = `address:${input.clientAddress}`;
  const budget = (limit: number) => ({
    now: ctx.now,
    windowMs: THROTTLE.windowMs,
    lockMs: THROTTLE.lockMs,
    limit,
  });
  const address = budget(THROTTLE.addressLimit);
  const account = budget(THROTTLE.accountLimit);

  if (!(await reserveAttempt(ctx.db, addressKey, address))) await refuse(ctx, addressKey);
  if (!(await reserveAttempt(ctx.db, accountKey, account))) {
    await releaseAttempt(ctx.db, addressKey);
    await refuse(ctx, accountKey);
  }

  let viewer: Awaited<ReturnType<typeof loadViewer>> = null;
  try {
    const credential = staff?.active ? await findCredential(ctx.db, staff.id) : undefined;
    const ok = await verifyPassword(credential?.password_hash, input.password);
    viewer = ok && staff ? await loadViewer(ctx.db, staff.id) : null;
  } catch (error) {
    // Not checked after all (too busy, say): the reservations are given back.
    await Promise.all([releaseAttempt(ctx.db, addressKey), releaseAttempt(ctx.db, accountKey)]);
    throw error;
  }
  if (!viewer) {
    const [failures] = await Promise.all([
      recordFailedAttempt(ctx.db, accountKey, account),
      recordFailedAttempt(ctx.db, addressKey, address),
    ]);
    // Each further failure waits longer before answering, which makes guessing slow.
    const excess = failures - THROTTLE.slowAfter;
    if (excess > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** excess)));
    throw new AppError('UNAUTHENTICATED', WRONG);
  }

  await Promise.all([clearThrottle(ctx.db, accountKey), releaseAttempt(ctx.db, addressKey)]);
  // Only someone who knows the password learns that passwords are turned off for them.
  if (await passwordsRefusedFor(ctx, viewer)) {
    throw new AppError(
      'SSO_REQUIRED',
      'Passwords are turned off: sign in with single sign-on',
      ctx.config.oidc ? { provider: ctx.config.oidc.displayName } : undefined,
    );
  }
  return startSession(ctx, viewer, {
    method: 'password',
    userAgent: input.userAgent,
    clientAddress: input.clientAddress,
    replacing: input.replacing,
  });
}

/**
 * Admins may require single sign-on (only while it is configured, so nobody is locked out by
 * turning it off); break-glass admin accounts keep their passwords.
 */
async function passwordsRefusedFor(ctx: ServiceContext, viewer: Viewer): Promise<boolean> {
  if (!ctx.config.oidc || !(await signInSettings(ctx.db)).ssoRequired) return false;
  return !(isAdmin(viewer) && (await isBreakGlassAccount(ctx.db, viewer.staffId)));
}

/**
 * Starts a new server-side session for a person who proved who they are (password or single
 * sign-on): a fresh id every time, so a session id planted before sign-in is worthless, and the
 * session this browser already had ends.
 */
export async function startSession(
  ctx: ServiceContext,
  viewer: Viewer,
  how: {
    method: SignInMethod;
    idToken?: string;
    userAgent: string | null;
    clientAddress: string;
    replacing: SignIn | null;
  },
): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
  // Whoever signed in before in this browser is signed out on the server, not just in the cookie.
  if (how.replacing) await endSignInSession(ctx.db, how.replacing.id, ctx.now);
  const token = randomToken();
  const maxAgeSeconds = ctx.config.sessionAbsoluteHours * 3600;
  const session = await insertSignInSession(ctx.db, {
    token_hash: sha256(token),
    staff_id: viewer.staffId,
    csrf_token: randomToken(),
    created_at: ctx.now,
    last_seen_at: ctx.now,
    expires_at: new Date(ctx.now.getTime() + maxAgeSeconds * 1000),
    user_agent: how.userAgent?.slice(0, 300) ?? null,
    client_address: how.clientAddress,
    method: how.method,
    id_token: how.idToken ?? null,
  });
  const me = await getMe({
    ctx,
    viewer,
    signIn: { id: session.id, csrfToken: session.csrf_token },
  });
  return { token, me, maxAgeSeconds };
}

async function refuse(ctx: { db: Executor; now: Date }, key: string): Promise<never> {
  const availableAt = await budgetAvailableAt(ctx.db, key, THROTTLE.windowMs);
  const waitMs = (availableAt?.getTime() ?? ctx.now.getTime()) - ctx.now.getTime();
  throw new AppError('RATE_LIMITED', 'Too many failed sign-ins. Try again later.', {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}
