import {
  confirmedSeatsOf,
  findStaffByLogin,
  findTrainingSession,
  insertAudit,
  markUnmarked,
  marksOf,
  runInTransaction,
  upsertMarks,
  type AttendanceMark,
  type Executor,
} from '@kenshu/db';
import { notFound, validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { assertMayMark } from './marking-rules.ts';
import { applyOutcomes } from './outcomes.ts';

export interface MarkInput {
  staffId: number;
  mark: AttendanceMark;
  note?: string | null | undefined;
}

/**
 * Sets marks for people on a session's attendance sheet in one statement. Before the attendance
 * sheet is finalised marks are just marks; afterwards a change also adjusts the person's
 * requirement.
 */
export async function setMarks({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; marks: MarkInput[]; reason?: string | undefined };
}): Promise<{ changed: number }> {
  const viewer = requireViewer(ctx);
  const ids = input.marks.map((m) => m.staffId);
  if (new Set(ids).size !== ids.length)
    throw validation('A person appears twice', { field: 'marks' });
  return runInTransaction(ctx.db, async (trx) => {
    const session = await findTrainingSession(trx, input.sessionId);
    if (!session) throw notFound('session');
    const as = await assertMayMark(trx, viewer, session, ctx.now, ctx.config, input.reason);

    const onSheet = await peopleOnSheet(trx, session.id, ids);
    const outsiders = ids.filter((id) => !onSheet.has(id));
    if (outsiders.length) {
      throw validation('Some people are not on this session; add them as walk-ins first', {
        staffIds: outsiders,
      });
    }
    const before = new Map((await marksOf(trx, session.id, ids)).map((m) => [m.staff_id, m]));
    const changes = input.marks.filter((m) => {
      const old = before.get(m.staffId);
      return !old || old.mark !== m.mark || (old.note ?? null) !== (m.note ?? null);
    });
    await upsertMarks(
      trx,
      session.id,
      changes.map((m) => ({
        staffId: m.staffId,
        bookingId: onSheet.get(m.staffId) ?? null,
        mark: m.mark,
        note: m.note ?? null,
      })),
      { staffId: viewer.staffId, via: as, at: ctx.now },
    );
    if (changes.length === 0) return { changed: 0 };
    if (session.finalised_at) {
      await applyOutcomes(
        trx,
        session,
        changes.map((m) => ({
          staffId: m.staffId,
          before: before.get(m.staffId)?.mark ?? null,
          after: m.mark,
        })),
        viewer.staffId,
        ctx.now,
      );
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'attendance.marked',
      targetType: 'session',
      targetId: session.id,
      before: changes.map((m) => ({
        staffId: m.staffId,
        mark: before.get(m.staffId)?.mark ?? null,
      })),
      after: { marks: changes, reason: input.reason ?? null },
      requestId: ctx.requestId,
    });
    return { changed: changes.length };
  });
}

/** People on the attendance sheet: booking id by staff id (null for walk-ins). */
async function peopleOnSheet(trx: Executor, sessionId: number, staffIds: number[]) {
  const members = new Map<number, number | null>();
  for (const b of await confirmedSeatsOf(trx, sessionId, staffIds)) members.set(b.staff_id, b.id);
  for (const m of await marksOf(trx, sessionId, staffIds))
    if (!members.has(m.staff_id)) members.set(m.staff_id, m.booking_id);
  return members;
}

/**
 * Marks everyone booked who has no mark yet as present, in one statement. Existing marks —
 * an excused learner, a late arrival — are never overwritten.
 */
export async function markAllUnmarkedPresent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; reason?: string | undefined };
}): Promise<{ marked: number }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const session = await findTrainingSession(trx, input.sessionId);
    if (!session) throw notFound('session');
    const as = await assertMayMark(trx, viewer, session, ctx.now, ctx.config, input.reason);
    const marked = await markUnmarked(trx, session.id, 'present', {
      staffId: viewer.staffId,
      via: as,
      at: ctx.now,
    });
    if (session.finalised_at) {
      await applyOutcomes(
        trx,
        session,
        marked.map((staffId) => ({ staffId, before: null, after: 'present' as const })),
        viewer.staffId,
        ctx.now,
      );
    }
    if (marked.length) {
      await insertAudit(trx, {
        actorStaffId: viewer.staffId,
        action: 'attendance.marked_unmarked_present',
        targetType: 'session',
        targetId: session.id,
        after: { staffIds: marked },
        requestId: ctx.requestId,
      });
    }
    return { marked: marked.length };
  });
}

/**
 * Adds someone who came without a booking, marked present. Allowed on a full session — they are
 * in the room — and flagged as a walk-in on the attendance sheet.
 */
export async function addWalkIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    sessionId: number;
    staffNumber: string;
    note?: string | undefined;
    reason?: string | undefined;
  };
}): Promise<{ staffId: number }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const session = await findTrainingSession(trx, input.sessionId);
    if (!session) throw notFound('session');
    const as = await assertMayMark(trx, viewer, session, ctx.now, ctx.config, input.reason);
    const person = await findStaffByLogin(trx, input.staffNumber.trim());
    if (!person || !person.active) throw notFound('staff member');
    const [booked] = await confirmedSeatsOf(trx, session.id, [person.id]);
    const [existing] = await marksOf(trx, session.id, [person.id]);
    await upsertMarks(
      trx,
      session.id,
      [
        {
          staffId: person.id,
          bookingId: booked?.id ?? null,
          mark: 'present',
          note: input.note ?? null,
          isWalkIn: !booked,
        },
      ],
      { staffId: viewer.staffId, via: as, at: ctx.now },
    );
    if (session.finalised_at) {
      await applyOutcomes(
        trx,
        session,
        [{ staffId: person.id, before: existing?.mark ?? null, after: 'present' }],
        viewer.staffId,
        ctx.now,
      );
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'attendance.walk_in',
      targetType: 'session',
      targetId: session.id,
      before: existing ? { mark: existing.mark } : null,
      after: { staffId: person.id, mark: 'present', walkIn: !booked },
      requestId: ctx.requestId,
    });
    return { staffId: person.id };
  });
}
