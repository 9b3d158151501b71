import type { z } from '@hono/zod-openapi';
import type { AssignNowPreview } from '@kenshu/contracts';
import {
  assignmentRulesOf,
  assignNow as assignNowRows,
  findCourseById,
  insertAudit,
  previewAssignNow as previewRows,
  runInTransaction,
  type Executor,
} from '@kenshu/db';
import {
  assignmentDueOn,
  currentFiscalYear,
  DEFAULT_DUE_DAYS,
  fiscalYearRange,
  notFound,
  tokyoDateOf,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { requiredAudienceOf } from '../courses/audience.ts';
import { eLearningModuleOf } from './assignments.ts';

/** People listed in the preview; the count covers everyone. */
const PREVIEW_LIMIT = 50;

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins assign e-learning';

/**
 * What "assign now" works on: the course, its module, this fiscal year's audience and the due
 * day (the one asked for, or the absent rule's period from today), checked the same way for the
 * preview and for the real thing.
 */
async function plan(db: Executor, ctx: ServiceContext, courseId: number, dueOn?: string) {
  const course = await findCourseById(db, courseId);
  if (!course) throw notFound('course');
  const moduleId = await eLearningModuleOf(db, course);
  const fiscalYear = currentFiscalYear(ctx.now);
  const today = tokyoDateOf(ctx.now);
  const { lastDay } = fiscalYearRange(fiscalYear);
  if (dueOn !== undefined && (dueOn < today || dueOn > lastDay)) {
    throw validation(
      `The due date must fall between today and the end of the fiscal year (${lastDay})`,
      {
        field: 'dueOn',
      },
    );
  }
  const rule = (await assignmentRulesOf(db, course.id)).find((r) => r.rule === 'absent');
  const audience = await requiredAudienceOf(db, course);
  return {
    course,
    moduleId,
    fiscalYear,
    today,
    audience,
    dueOn: dueOn ?? assignmentDueOn(today, rule?.due_days ?? DEFAULT_DUE_DAYS, fiscalYear),
  };
}

/** Who would get the course's e-learning if an admin assigned it now (admins). */
export async function previewAssignNow({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { courseId: number; dueOn?: string | undefined };
}): Promise<z.infer<typeof AssignNowPreview>> {
  requireAdmin(ctx, ADMINS_ONLY);
  const p = await plan(ctx.db, ctx, input.courseId, input.dueOn);
  const { total, people } = p.audience
    ? await previewRows(
        ctx.db,
        {
          courseId: p.course.id,
          fiscalYear: p.fiscalYear,
          audience: p.audience,
          now: ctx.now,
          today: p.today,
        },
        PREVIEW_LIMIT,
      )
    : { total: 0, people: [] };
  return {
    courseId: p.course.id,
    fiscalYear: p.fiscalYear,
    dueOn: p.dueOn,
    total,
    people: people.map((r) => ({
      staffId: r.staff_id,
      staffNumber: r.staff_number,
      name: `${r.family_name} ${r.given_name}`,
      unit: { id: r.unit_id, nameJa: r.unit_name_ja, nameEn: r.unit_name_en },
    })),
  };
}

/**
 * Assigns the course's e-learning now to everyone still without it who is not booked on a session
 * ahead (admins): the same people the preview counts, in one statement, each notified, and one
 * audit row for the batch. Running it again assigns only people who have since become due.
 */
export async function assignNow({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { courseId: number; dueOn?: string | undefined };
}): Promise<{ assigned: number; dueOn: string; fiscalYear: number }> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return runInTransaction(ctx.db, async (trx) => {
    const p = await plan(trx, ctx, input.courseId, input.dueOn);
    const assigned = p.audience
      ? await assignNowRows(trx, {
          courseId: p.course.id,
          fiscalYear: p.fiscalYear,
          audience: p.audience,
          now: ctx.now,
          today: p.today,
          moduleId: p.moduleId,
          dueOn: p.dueOn,
          createdBy: viewer.staffId,
        })
      : 0;
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'assignment.assigned_now',
      targetType: 'course',
      targetId: p.course.id,
      after: { fiscalYear: p.fiscalYear, dueOn: p.dueOn, assigned },
      requestId: ctx.requestId,
    });
    return { assigned, dueOn: p.dueOn, fiscalYear: p.fiscalYear };
  });
}
