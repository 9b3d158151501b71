import { listNotifications as listRows, markNotificationRead } from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

export async function listNotifications({ ctx }: { ctx: ServiceContext }) {
  const rows = await listRows(ctx.db, requireViewer(ctx).staffId);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    payload: n.payload,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at?.toISOString() ?? null,
  }));
}

/** Marks one of the viewer's notifications read; someone else's is "not found". */
export async function readNotification({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  if (!(await markNotificationRead(ctx.db, requireViewer(ctx).staffId, input.id, ctx.now))) {
    throw notFound('notification', { id: input.id });
  }
}
