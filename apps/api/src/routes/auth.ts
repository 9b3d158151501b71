import {
  endMyOtherSignInSessions as endMyOtherSignInSessionsRoute,
  endMySignInSession as endMySignInSessionRoute,
  getMe as getMeRoute,
  getSsoInfo as getSsoInfoRoute,
  ssoCallback as ssoCallbackRoute,
  startSso as startSsoRoute,
  listMySignInSessions as listMySignInSessionsRoute,
  setPassword as setPasswordRoute,
  signIn as signInRoute,
  signOut as signOutRoute,
} from '@kenshu/contracts';
import { PUBLIC, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { clientAddress } from '../lib/client-address.ts';
import {
  clearSessionCookie,
  clearSsoCookie,
  readSsoCookie,
  writeSessionCookie,
  writeSsoCookie,
} from '../lib/cookies.ts';
import { createRouter } from '../lib/router.ts';
import { currentSignIn, requireViewer, serviceContext } from '../lib/service-context.ts';
import { getMe } from '../services/auth/me.ts';
import {
  endMyOtherSignInSessions,
  endMySignInSession,
  listMySignInSessions,
  signOut,
} from '../services/auth/sign-in-sessions.ts';
import { setPasswordWithToken } from '../services/auth/set-password.ts';
import { signIn } from '../services/auth/sign-in.ts';
import {
  completeSsoSignIn,
  getSsoInfo,
  ssoProblemPath,
  startSsoSignIn,
} from '../services/auth/single-sign-on.ts';

/** The browser's single sign-on cookie outlives the provider's sign-in page by a little. */
const SSO_COOKIE_SECONDS = 15 * 60;

export const authRoutes = createRouter()
  .openapi(withAccess(signInRoute, PUBLIC), async (c) => {
    const body = c.req.valid('json');
    const { token, me, maxAgeSeconds } = await signIn({
      ctx: serviceContext(c),
      input: {
        ...body,
        userAgent: c.req.header('user-agent') ?? null,
        clientAddress: clientAddress(c),
        replacing: c.var.signIn,
      },
    });
    writeSessionCookie(c, token, maxAgeSeconds);
    return c.json(me, 200);
  })
  .openapi(withAccess(signOutRoute, SIGNED_IN), async (c) => {
    const { endSessionUrl } = await signOut({ ctx: serviceContext(c), signIn: currentSignIn(c) });
    clearSessionCookie(c);
    if (endSessionUrl) return c.json({ endSessionUrl }, 200);
    return c.body(null, 204);
  })
  .openapi(withAccess(getSsoInfoRoute, PUBLIC), async (c) => {
    return c.json(await getSsoInfo({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(startSsoRoute, PUBLIC), async (c) => {
    const started = await startSsoSignIn({
      ctx: serviceContext(c),
      input: { next: c.req.valid('query').next },
    });
    if (started.problem) c.var.log.warn({ problem: started.problem }, 'single sign-on unavailable');
    if (started.browserToken) writeSsoCookie(c, started.browserToken, SSO_COOKIE_SECONDS);
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.redirectTo, 302);
  })
  .openapi(withAccess(ssoCallbackRoute, PUBLIC), async (c) => {
    const query = c.req.valid('query');
    const result = await completeSsoSignIn({
      ctx: serviceContext(c),
      input: {
        query: new URL(c.req.url).search,
        state: query.state,
        error: query.error,
        browserToken: readSsoCookie(c),
        userAgent: c.req.header('user-agent') ?? null,
        clientAddress: clientAddress(c),
        replacing: c.var.signIn,
      },
    });
    clearSsoCookie(c);
    c.header('Cache-Control', 'no-store');
    if (!result.ok) {
      c.var.log.warn({ problem: result.problem, detail: result.detail }, 'single sign-on refused');
      return c.redirect(ssoProblemPath(result.problem), 302);
    }
    writeSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.redirect(result.next, 302);
  })
  .openapi(withAccess(getMeRoute, SIGNED_IN), async (c) => {
    const ctx = serviceContext(c);
    return c.json(await getMe({ ctx, viewer: requireViewer(ctx), signIn: currentSignIn(c) }), 200);
  })
  .openapi(withAccess(listMySignInSessionsRoute, SIGNED_IN), async (c) => {
    return c.json(
      { items: await listMySignInSessions({ ctx: serviceContext(c), signIn: currentSignIn(c) }) },
      200,
    );
  })
  .openapi(withAccess(endMySignInSessionRoute, SIGNED_IN), async (c) => {
    const { endedCurrent } = await endMySignInSession({
      ctx: serviceContext(c),
      signIn: currentSignIn(c),
      input: c.req.valid('param'),
    });
    if (endedCurrent) clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(withAccess(endMyOtherSignInSessionsRoute, SIGNED_IN), async (c) => {
    return c.json(
      await endMyOtherSignInSessions({ ctx: serviceContext(c), signIn: currentSignIn(c) }),
      200,
    );
  })
  .openapi(withAccess(setPasswordRoute, PUBLIC), async (c) => {
    await setPasswordWithToken({
      ctx: serviceContext(c),
      input: { ...c.req.valid('json'), clientAddress: clientAddress(c) },
    });
    return c.body(null, 204);
  });
