import {
  findStaffBy,
  insertAudit,
  insertSsoLoginState,
  signInSettings,
  takeSsoLoginState,
} from '@kenshu/db';
import { AppError, safeNext } from '@kenshu/domain';
import type { Me, SsoProblem } from '@kenshu/contracts';
import type { OidcConfig } from '../../config.ts';
import type { ServiceContext, SignIn } from '../../context.ts';
import { buildAuthorizationRequest, redeemAuthorizationCode } from '../../lib/oidc.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { startSession } from './sign-in.ts';
import { loadViewer } from './viewer.ts';

/** A sign-in started at the provider must come back within this time. */
const LOGIN_STATE_MS = 10 * 60_000;
/** Where people land after single sign-on when no page was asked for. */
const DEFAULT_LANDING = '/my-training';

/** Whether single sign-on is on, the provider's name for the button, and whether it is required. */
export async function getSsoInfo({ ctx }: { ctx: ServiceContext }) {
  const oidc = ctx.config.oidc;
  if (!oidc) return { enabled: false, name: null, required: false };
  return {
    enabled: true,
    name: oidc.displayName,
    required: (await signInSettings(ctx.db)).ssoRequired,
  };
}

function requireOidc(ctx: ServiceContext): OidcConfig {
  if (!ctx.config.oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
  return ctx.config.oidc;
}

/** Where the browser goes when a single sign-on cannot finish: a page saying why. */
export function ssoProblemPath(problem: SsoProblem): string {
  return `/sign-in/sso?problem=${problem}`;
}

/**
 * Starts a sign-in at the provider: state, nonce and PKCE verifier are kept in the database (any
 * instance may receive the callback) under the hash of the state, bound to this browser by the
 * hash of a random value its cookie carries. `next` is kept only if it is a page of this app.
 */
export async function startSsoSignIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { next: string | undefined };
}): Promise<{ redirectTo: string; browserToken: string | null; problem?: string }> {
  const oidc = requireOidc(ctx);
  let request;
  try {
    request = await buildAuthorizationRequest(oidc);
  } catch (error) {
    return {
      redirectTo: ssoProblemPath('unavailable'),
      browserToken: null,
      problem: `the provider's metadata could not be read: ${String(error)}`,
    };
  }
  const browserToken = randomToken();
  await insertSsoLoginState(ctx.db, {
    state_hash: sha256(request.state),
    browser_hash: sha256(browserToken),
    nonce: request.nonce,
    code_verifier: request.codeVerifier,
    next_path: safeNext(input.next) ?? null,
    created_at: ctx.now,
    expires_at: new Date(ctx.now.getTime() + LOGIN_STATE_MS),
  });
  return { redirectTo: request.url.href, browserToken };
}

export interface SsoCallbackInput {
  /** The callback's whole query string, as the provider sent it. */
  query: string;
  state: string | undefined;
  /** The provider said no (the person cancelled, or the provider refused). */
  error: string | undefined;
  /** The value of this browser's sign-in cookie. */
  browserToken: string | undefined;
  userAgent: string | null;
  clientAddress: string;
  /** The sign-in this browser already had, if any: it ends when the new one starts. */
  replacing: SignIn | null;
}

export type SsoCallbackResult =
  | { ok: true; token: string; maxAgeSeconds: number; me: Me; next: string }
  | { ok: false; problem: SsoProblem; detail: string };

/**
 * Finishes a sign-in: takes the state (once; a replay finds nothing), checks the ID token through
 * openid-client, and finds the person in the staff list by the configured claim. Only an active
 * person gets the same session a password would give; nobody is created. Refusals for the
 * person (not in the staff list, deactivated, a domain not allowed) are audited.
 */
export async function completeSsoSignIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SsoCallbackInput;
}): Promise<SsoCallbackResult> {
  const oidc = requireOidc(ctx);
  const fail = (problem: SsoProblem, detail: string): SsoCallbackResult => ({
    ok: false,
    problem,
    detail,
  });
  if (!input.state) return fail('failed', 'the callback carried no state');
  const saved = await takeSsoLoginState(ctx.db, sha256(input.state));
  if (!saved) return fail('expired', 'unknown or already used state');
  if (saved.expires_at <= ctx.now) return fail('expired', 'the sign-in took too long');
  if (!input.browserToken || sha256(input.browserToken) !== saved.browser_hash)
    return fail('failed', 'the callback came to another browser than the one that started it');
  if (input.error) return fail('cancelled', `the provider answered ${input.error.slice(0, 100)}`);

  let claims: Record<string, unknown>;
  let idToken: string;
  try {
    ({ claims, idToken } = await redeemAuthorizationCode(oidc, input.query, {
      state: input.state,
      nonce: saved.nonce,
      codeVerifier: saved.code_verifier,
    }));
  } catch (error) {
    return fail('failed', `the code or ID token was refused: ${String(error)}`);
  }

  const raw = claims[oidc.claim];
  const value = typeof raw === 'string' ? raw.trim() : '';
  const refuse = async (problem: SsoProblem, staffId: number | null) => {
    await insertAudit(ctx.db, {
      actorStaffId: null,
      action: 'auth.sso_refused',
      targetType: 'staff',
      targetId: staffId,
      after: { reason: problem, claim: oidc.claim, value: value.slice(0, 254), issuer: claims.iss },
      requestId: ctx.requestId,
    });
    return fail(problem, `${oidc.claim}=${value.slice(0, 254)}`);
  };
  if (!value || value.length > 254) return refuse('not_in_roster', null);
  if (oidc.allowedEmailDomains) {
    const email = oidc.matchBy === 'email' ? value : claims.email;
    const domain = typeof email === 'string' ? email.toLowerCase().split('@')[1] : undefined;
    if (!domain || !oidc.allowedEmailDomains.includes(domain))
      return refuse('domain_not_allowed', null);
  }
  const staff = await findStaffBy(ctx.db, oidc.matchBy, value);
  if (!staff) return refuse('not_in_roster', null);
  const viewer = staff.active ? await loadViewer(ctx.db, staff.id) : null;
  if (!viewer) return refuse('deactivated', staff.id);

  const session = await startSession(ctx, viewer, {
    method: 'sso',
    idToken,
    userAgent: input.userAgent,
    clientAddress: input.clientAddress,
    replacing: input.replacing,
  });
  await insertAudit(ctx.db, {
    actorStaffId: staff.id,
    action: 'auth.sso_signed_in',
    targetType: 'staff',
    targetId: staff.id,
    after: { method: 'sso', issuer: claims.iss, subject: claims.sub },
    requestId: ctx.requestId,
  });
  return { ok: true, ...session, next: saved.next_path ?? DEFAULT_LANDING };
}
