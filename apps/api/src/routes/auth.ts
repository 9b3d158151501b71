import {
  endMyOtherSessions as endMyOtherSessionsRoute,
  endMySession as endMySessionRoute,
  getMe as getMeRoute,
  listMySessions as listMySessionsRoute,
  setPassword as setPasswordRoute,
  signIn as signInRoute,
  signOut as signOutRoute,
} from '@kenshu/contracts';
import { PUBLIC, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { clientAddress } from '../lib/client-address.ts';
import { clearSessionCookie, writeSessionCookie } from '../lib/cookies.ts';
import { createRouter } from '../lib/router.ts';
import { requireViewer, serviceContext } from '../lib/service-context.ts';
import { getMe } from '../services/auth/me.ts';
import {
  endMyOtherSessions,
  endMySession,
  listMySessions,
  signOut,
} from '../services/auth/sessions.ts';
import { setPasswordWithToken } from '../services/auth/set-password.ts';
import { signIn } from '../services/auth/sign-in.ts';

export const authRoutes = createRouter()
  .openapi(withAccess(signInRoute, PUBLIC), async (c) => {
    const body = c.req.valid('json');
    const { token, me, maxAgeSeconds } = await signIn({
      ctx: serviceContext(c),
      input: {
        ...body,
        userAgent: c.req.header('user-agent') ?? null,
        clientAddress: clientAddress(c),
      },
    });
    writeSessionCookie(c, token, maxAgeSeconds);
    return c.json(me, 200);
  })
  .openapi(withAccess(signOutRoute, SIGNED_IN), async (c) => {
    await signOut({ ctx: serviceContext(c) });
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(withAccess(getMeRoute, SIGNED_IN), async (c) => {
    const ctx = serviceContext(c);
    return c.json(await getMe({ ctx, viewer: requireViewer(ctx) }), 200);
  })
  .openapi(withAccess(listMySessionsRoute, SIGNED_IN), async (c) => {
    return c.json({ items: await listMySessions({ ctx: serviceContext(c) }) }, 200);
  })
  .openapi(withAccess(endMySessionRoute, SIGNED_IN), async (c) => {
    const { endedCurrent } = await endMySession({
      ctx: serviceContext(c),
      input: c.req.valid('param'),
    });
    if (endedCurrent) clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(withAccess(endMyOtherSessionsRoute, SIGNED_IN), async (c) => {
    return c.json(await endMyOtherSessions({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(setPasswordRoute, PUBLIC), async (c) => {
    await setPasswordWithToken({
      ctx: serviceContext(c),
      input: { ...c.req.valid('json'), clientAddress: clientAddress(c) },
    });
    return c.body(null, 204);
  });
