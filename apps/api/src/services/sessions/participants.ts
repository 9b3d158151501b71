import { sessionParticipants } from '@kenshu/db';
import type { ServiceContext } from '../../context.ts';
import { sessionForItsTrainers } from '../../lib/service-context.ts';
import { toPersonOnList } from '../staff/on-list.ts';

/**
 * A session's participants (every booking) with each entry's history: for admins and the session's
 * own trainers.
 */
export async function getSessionParticipants({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  await sessionForItsTrainers(
    ctx,
    input.id,
    'Only the training office and this session’s trainers see its participants',
  );
  const { bookings, events } = await sessionParticipants(ctx.db, input.id);
  return bookings.map((b) => ({
    bookingId: b.id,
    ...toPersonOnList(b),
    status: b.status,
    queuedAt: b.queued_at.toISOString(),
    cancelReason: b.cancel_reason,
    history: events
      .filter((e) => e.booking_id === b.id)
      .map((e) => ({ at: e.at.toISOString(), action: e.action, actorStaffId: e.actor_staff_id })),
  }));
}
