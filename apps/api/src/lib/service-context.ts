import { AppError } from '@kenshu/domain';
import type { Context } from 'hono';
import type { AppEnv, ServiceContext, SignedInViewer } from '../context.ts';

/** The context a route hands to a service: database, time of the request, and the viewer. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  return {
    db: c.var.database.db,
    now: c.var.clock(),
    viewer: c.var.viewer ?? null,
    requestId: c.var.requestId,
    config: c.var.config,
  };
}

/** The signed-in viewer, for services that only make sense with one. */
export function requireViewer(ctx: ServiceContext): SignedInViewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.viewer;
}
