import {
  completionsOf,
  findCourseById,
  findStaffById,
  insertAudit,
  insertCompletion,
  runInTransaction,
} from '@kenshu/db';
import { AppError, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { recordCompletion } from './completions.ts';

/** Credits a course for a fiscal year by hand (admins), with a reason, as an audited event. */
export async function creditCompletion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number; courseId: number; fiscalYear: number; reason: string };
}): Promise<void> {
  const viewer = requireViewer(ctx);
  await runInTransaction(ctx.db, async (trx) => {
    if (!(await findStaffById(trx, input.staffId)))
      throw notFound('staff member', { id: input.staffId });
    if (!(await findCourseById(trx, input.courseId)))
      throw notFound('course', { id: input.courseId });
    const existing = await completionsOf(trx, input.staffId, input.fiscalYear);
    if (existing.some((c) => c.course_id === input.courseId)) {
      throw new AppError(
        'ALREADY_COMPLETED',
        'This course is already completed for that fiscal year',
      );
    }
    await insertCompletion(trx, {
      staff_id: input.staffId,
      course_id: input.courseId,
      fiscal_year: input.fiscalYear,
      kind: 'credited',
      reason: input.reason,
      recorded_by: viewer.staffId,
    });
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'completion.credited',
      targetType: 'staff',
      targetId: input.staffId,
      after: input,
      requestId: ctx.requestId,
    });
  });
}
