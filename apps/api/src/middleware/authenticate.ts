import { endSignInSession, findLiveSignInSession, touchSignInSession } from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { clearSessionCookie, readSessionCookie } from '../lib/cookies.ts';
import { sha256 } from '../lib/tokens.ts';
import { loadViewer } from '../services/auth/viewer.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * How stale last_seen_at may get before a request writes it again. Writing on every request would
 * turn every read into a write; a tenth of the idle limit (at most a minute) keeps the idle
 * timeout honoured to within 10% whatever the limit is set to.
 */
export function touchEveryMs(idleLimitMs: number): number {
  return Math.min(60_000, idleLimitMs / 10);
}

/**
 * Finds the viewer from the session cookie (or none), ends sessions past their idle or absolute
 * limit, and rejects state-changing requests that lack the session's CSRF token.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('viewer', null);
  c.set('signIn', null);
  const token = readSessionCookie(c);
  const { db } = c.var.database;
  const now = c.var.clock();
  if (token) {
    const session = await findLiveSignInSession(db, sha256(token));
    const idleLimit = c.var.config.sessionIdleMinutes * 60_000;
    if (
      session &&
      (session.expires_at <= now || now.getTime() - session.last_seen_at.getTime() > idleLimit)
    ) {
      await endSignInSession(db, session.id, now);
      clearSessionCookie(c);
    } else if (session) {
      const viewer = await loadViewer(db, session.staff_id);
      if (viewer) {
        c.set('viewer', viewer);
        c.set('signIn', { id: session.id, csrfToken: session.csrf_token });
        if (now.getTime() - session.last_seen_at.getTime() > touchEveryMs(idleLimit)) {
          await touchSignInSession(db, session.id, now);
        }
      } else {
        await endSignInSession(db, session.id, now);
        clearSessionCookie(c);
      }
    }
  }
  if (!SAFE_METHODS.has(c.req.method))
    checkCsrf(
      c.req.header('x-csrf-token'),
      c.var.signIn?.csrfToken,
      c.req.header('sec-fetch-site'),
      c.req.header('origin'),
      c.req.url,
    );
  await next();
});

/**
 * A signed-in request must carry its session's token (a page on another site cannot read it).
 * Without a session (sign-in, set-password) the browser's own origin headers must not point to
 * another site, which stops login CSRF.
 */
function checkCsrf(
  sent: string | undefined,
  expected: string | undefined,
  fetchSite: string | undefined,
  origin: string | undefined,
  url: string,
): void {
  if (expected) {
    if (sent !== expected)
      throw new AppError(
        'CSRF_REJECTED',
        'Missing or wrong CSRF token; reload the page and try again',
      );
    return;
  }
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new AppError('CSRF_REJECTED', 'Cross-site request refused');
  }
  // "null" is what sandboxed frames, data: pages and cross-site redirects send: not this site.
  if (origin !== undefined && origin !== new URL(url).origin) {
    throw new AppError('CSRF_REJECTED', 'Cross-site request refused');
  }
}
