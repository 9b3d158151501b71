import { endSignInSession, endSignInSessionsOf, listLiveSignInSessions } from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext, SignIn } from '../../context.ts';
import { endSessionUrl } from '../../lib/oidc.ts';
import { requireViewer } from '../../lib/service-context.ts';

/** The viewer's own live sign-in sessions; `signIn`, the one of this request, is marked current. */
export async function listMySignInSessions({
  ctx,
  signIn,
}: {
  ctx: ServiceContext;
  signIn: SignIn;
}) {
  const viewer = requireViewer(ctx);
  const idleSince = new Date(ctx.now.getTime() - ctx.config.sessionIdleMinutes * 60_000);
  const rows = await listLiveSignInSessions(ctx.db, viewer.staffId, ctx.now, idleSince);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    userAgent: r.user_agent,
    clientAddress: r.client_address,
    current: r.id === signIn.id,
  }));
}

/** Ends one of the viewer's own sign-in sessions; someone else's is "not found". */
export async function endMySignInSession({
  ctx,
  signIn,
  input,
}: {
  ctx: ServiceContext;
  signIn: SignIn;
  input: { sessionId: string };
}) {
  const mine = await listMySignInSessions({ ctx, signIn });
  if (!mine.some((s) => s.id === input.sessionId)) throw notFound('session');
  await endSignInSession(ctx.db, input.sessionId, ctx.now);
  return { endedCurrent: input.sessionId === signIn.id };
}

export async function endMyOtherSignInSessions({
  ctx,
  signIn,
}: {
  ctx: ServiceContext;
  signIn: SignIn;
}) {
  const viewer = requireViewer(ctx);
  return {
    ended: await endSignInSessionsOf(ctx.db, viewer.staffId, ctx.now, signIn.id),
  };
}

/**
 * Ends this session. One begun with single sign-on also gets the provider's sign-out address
 * (RP-initiated logout, with the ID token as hint), when the provider offers one.
 */
export async function signOut({
  ctx,
  signIn,
}: {
  ctx: ServiceContext;
  signIn: SignIn;
}): Promise<{ endSessionUrl: string | null }> {
  requireViewer(ctx);
  const idToken = await endSignInSession(ctx.db, signIn.id, ctx.now);
  if (!idToken || !ctx.config.oidc) return { endSessionUrl: null };
  try {
    return { endSessionUrl: await endSessionUrl(ctx.config.oidc, idToken) };
  } catch {
    // The provider is unreachable: signed out here all the same.
    return { endSessionUrl: null };
  }
}
