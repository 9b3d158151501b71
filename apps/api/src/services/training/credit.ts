import { findCourseById, findStaffById, insertAudit, runInTransaction } from '@kenshu/db';
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
    if (!(await findStaffById(trx, input.staffId))) throw notFound('staff member');
    if (!(await findCourseById(trx, input.courseId))) throw notFound('course');
    // Through recordCompletion, so whatever reacts to a met requirement (an open e-learning
    // assignment closing, say) does so for a credit too.
    const recorded = await recordCompletion(
      trx,
      { ...input, kind: 'credited', recordedBy: viewer.staffId },
      ctx.now,
    );
    if (!recorded)
      throw new AppError(
        'ALREADY_COMPLETED',
        'This course is already completed for that fiscal year',
      );
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
