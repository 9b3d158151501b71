import {
  confirmedSeatsOf,
  decideCheckInRequest,
  findTrainingSession,
  insertAudit,
  marksOf,
  runInTransaction,
  upsertMarks,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { assertMayMark } from './marking-rules.ts';
import { applyOutcomes } from './outcomes.ts';

/**
 * The trainer (or an admin) decides a self check-in request from someone without a booking:
 * accepted, the person is on the attendance sheet as a present walk-in; rejected, nothing is
 * recorded but the decision. A request is decided once.
 */
export async function decideRequest({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    sessionId: number;
    staffId: number;
    decision: 'accept' | 'reject';
    reason?: string | undefined;
  };
}): Promise<{ status: 'accepted' | 'rejected' }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const session = await findTrainingSession(trx, input.sessionId);
    if (!session) throw notFound('session');
    const as = await assertMayMark(trx, viewer, session, ctx.now, ctx.config, input.reason);
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    const decided = await decideCheckInRequest(
      trx,
      session.id,
      input.staffId,
      status,
      viewer.staffId,
      ctx.now,
    );
    if (!decided) throw notFound('check-in request');
    if (status === 'accepted') {
      const [seat] = await confirmedSeatsOf(trx, session.id, [input.staffId]);
      const [existing] = await marksOf(trx, session.id, [input.staffId]);
      await upsertMarks(
        trx,
        session.id,
        [
          {
            staffId: input.staffId,
            bookingId: seat?.id ?? null,
            mark: 'present',
            note: existing?.note ?? null,
            isWalkIn: !seat,
          },
        ],
        { staffId: viewer.staffId, via: as, at: ctx.now },
      );
      if (session.finalised_at) {
        await applyOutcomes(
          trx,
          session,
          [{ staffId: input.staffId, before: existing?.mark ?? null, after: 'present' }],
          viewer.staffId,
          ctx.now,
        );
      }
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action:
        status === 'accepted'
          ? 'attendance.check_in_request_accepted'
          : 'attendance.check_in_request_rejected',
      targetType: 'session',
      targetId: session.id,
      before: { staffId: input.staffId, request: 'pending' },
      after: {
        staffId: input.staffId,
        request: status,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      requestId: ctx.requestId,
    });
    return { status };
  });
}
