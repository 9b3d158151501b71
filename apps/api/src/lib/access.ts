import type { RouteConfig } from '@hono/zod-openapi';
import { AppError, passesAccess, type Access } from '@kenshu/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

/** Checks a route's declared access before its handler runs; scope checks follow in the service. */
function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const verdict = passesAccess(c.var.viewer, access);
    if (verdict === 'unauthenticated') throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (verdict === 'forbidden') throw new AppError('FORBIDDEN', 'Your role does not allow this');
    await next();
  });
}

/**
 * Declares who may call a route. Every API route goes through this: the declaration is enforced
 * here, published in the OpenAPI document as `x-access`, and checked by the permission test.
 */
export function withAccess<R extends RouteConfig>(route: R, access: Access) {
  return {
    ...route,
    middleware: [requireAccess(access)],
    'x-access': access.kind === 'role' ? `role:${access.roles.join('|')}` : access.kind,
  } as R & { middleware: ReturnType<typeof requireAccess>[] };
}
