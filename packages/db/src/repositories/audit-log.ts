import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { AuditLogEntry } from '../schema.ts';

export interface AuditInput {
  actorStaffId: number | null;
  action: string;
  targetType: string;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Appends an audit row. Call it with the transaction that makes the change it records. */
export async function insertAudit(db: Executor, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_staff_id: entry.actorStaffId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId === null ? null : String(entry.targetId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export interface AuditQuery {
  action?: string | undefined;
  actorStaffId?: number | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export type AuditRow = AuditLogEntry & {
  actor_staff_number: string | null;
  actor_name: string | null;
};

export async function searchAudit(
  db: Executor,
  q: AuditQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  let base = db.selectFrom('audit_log').leftJoin('staff', 'staff.id', 'audit_log.actor_staff_id');
  if (q.action) base = base.where('audit_log.action', '=', q.action);
  if (q.actorStaffId) base = base.where('audit_log.actor_staff_id', '=', q.actorStaffId);
  if (q.targetType) base = base.where('audit_log.target_type', '=', q.targetType);
  if (q.targetId) base = base.where('audit_log.target_id', '=', q.targetId);
  if (q.from) base = base.where('audit_log.at', '>=', q.from);
  if (q.to) base = base.where('audit_log.at', '<', q.to);
  const [rows, count] = await Promise.all([
    base
      .selectAll('audit_log')
      .select([
        'staff.staff_number as actor_staff_number',
        sql<string>`staff.family_name || ' ' || staff.given_name`.as('actor_name'),
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, actor_name: r.actor_staff_number ? r.actor_name : null })),
    total: count.total,
  };
}
