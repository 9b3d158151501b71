import type { TrainingSession as SessionContract } from '@kenshu/contracts';
import { listCourses, searchTrainingSessions } from '@kenshu/db';
import {
  AppError,
  currentFiscalYear,
  forbidden,
  isAdmin,
  notFound,
  tokyoDateTime,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { audienceMemberOf, isRequired } from '../courses/audience.ts';
import { toSessionContracts } from './to-contract.ts';

export interface SessionFilter {
  fiscalYear?: number | undefined;
  courseId?: number | undefined;
  month?: string | undefined;
  venue?: string | undefined;
  withSeats?: 'true' | 'false' | undefined;
  scope: 'mine' | 'all' | 'teaching';
  includeCancelled?: 'true' | 'false' | undefined;
  upcoming?: 'true' | 'false' | undefined;
}

/**
 * The session finder. "mine" shows sessions of the courses the viewer must take; "teaching" the
 * sessions they teach; "all" is for admins and people who oversee others.
 */
export async function listSessions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SessionFilter;
}): Promise<SessionContract[]> {
  const viewer = requireViewer(ctx);
  let courseIds: number[] | undefined;
  if (input.scope === 'mine') {
    const member = await audienceMemberOf(ctx.db, viewer.staffId);
    const courses = await listCourses(ctx.db);
    courseIds = [];
    for (const course of courses) {
      if (member && (await isRequired(ctx.db, course, member))) courseIds.push(course.id);
    }
  } else if (input.scope === 'all' && !isAdmin(viewer) && viewer.oversightPaths.length === 0) {
    throw forbidden('Only admins, section heads and unit officers see every session');
  }
  if (input.courseId !== undefined) {
    if (courseIds && !courseIds.includes(input.courseId)) courseIds = [];
    else courseIds = [input.courseId];
  }
  let from: Date | undefined;
  let to: Date | undefined;
  if (input.month) {
    const [y, m] = input.month.split('-').map(Number);
    if (y === undefined || m === undefined)
      throw new AppError('VALIDATION', 'month must be YYYY-MM');
    from = tokyoDateTime(`${input.month}-01`, '00:00');
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    to = tokyoDateTime(`${next}-01`, '00:00');
  } else if (input.upcoming === 'true') {
    // A session that has begun can no longer be booked; a chosen month still shows them all.
    from = ctx.now;
  }
  const rows = await searchTrainingSessions(ctx.db, {
    fiscalYear: input.fiscalYear ?? (input.month ? undefined : currentFiscalYear(ctx.now)),
    courseIds,
    from,
    to,
    venue: input.venue,
    withSeatsOnly: input.withSeats === 'true',
    includeCancelled: input.includeCancelled === 'true',
    trainerStaffId: input.scope === 'teaching' ? viewer.staffId : undefined,
  });
  return toSessionContracts(ctx.db, rows, { now: ctx.now, viewerStaffId: viewer.staffId });
}

/** One session by id (any signed-in person may look at a session). */
export async function getSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<SessionContract> {
  const viewer = requireViewer(ctx);
  const rows = await searchTrainingSessions(ctx.db, { ids: [input.id], includeCancelled: true });
  const [session] = await toSessionContracts(ctx.db, rows, {
    now: ctx.now,
    viewerStaffId: viewer.staffId,
  });
  if (!session) throw notFound('session');
  return session;
}
