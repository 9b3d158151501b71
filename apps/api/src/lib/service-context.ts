import { findTrainingSession, isTrainerOf, type Executor, type TrainingSession } from '@kenshu/db';
import { AppError, forbidden, isAdmin, notFound, type Viewer } from '@kenshu/domain';
import type { Context } from 'hono';
import type { AppEnv, ServiceContext, SignIn } from '../context.ts';

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

/**
 * The sign-in this request came with, for the sign-in services' routes (behind SIGNED_IN, so
 * there is one).
 */
export function currentSignIn(c: Context<AppEnv>): SignIn {
  const signIn = c.var.signIn;
  if (!signIn) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return signIn;
}

/** The signed-in viewer, for services that only make sense with one. */
export function requireViewer(ctx: ServiceContext): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.viewer;
}

/**
 * The signed-in viewer, who must be an admin; anyone else is refused (403) with `refusal`, which
 * says what only admins may do here.
 */
export function requireAdmin(ctx: ServiceContext, refusal: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!isAdmin(viewer)) throw forbidden(refusal);
  return viewer;
}

/**
 * Who runs a session: an admin (the training office) or one of its trainers; anyone else is
 * refused (403) with `refusal`. Says which, for rules that differ between the two.
 */
export async function requireTrainerOrAdmin(
  db: Executor,
  viewer: Viewer,
  sessionId: number,
  refusal: string,
): Promise<'admin' | 'trainer'> {
  if (isAdmin(viewer)) return 'admin';
  if (await isTrainerOf(db, sessionId, viewer.staffId)) return 'trainer';
  throw forbidden(refusal);
}

/**
 * A session as the people who run it open it: its trainers and admins (see requireTrainerOrAdmin),
 * with which of the two the viewer is. A session that does not exist is not found (404).
 */
export async function sessionForItsTrainers(
  ctx: ServiceContext,
  sessionId: number,
  refusal: string,
): Promise<{ session: TrainingSession; role: 'admin' | 'trainer' }> {
  const viewer = requireViewer(ctx);
  const session = await findTrainingSession(ctx.db, sessionId);
  if (!session) throw notFound('session');
  return { session, role: await requireTrainerOrAdmin(ctx.db, viewer, session.id, refusal) };
}
