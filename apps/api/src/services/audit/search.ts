import type { AuditEntry } from '@kenshu/contracts';
import { findStaffByLogin, searchAudit, type AuditRow } from '@kenshu/db';
import { addDays, tokyoDateTime } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { toCsv } from '../../lib/csv.ts';

export interface AuditFilter {
  action?: string | undefined;
  actorStaffNumber?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

async function toQuery(ctx: ServiceContext, f: AuditFilter) {
  const actor = f.actorStaffNumber ? await findStaffByLogin(ctx.db, f.actorStaffNumber) : undefined;
  return {
    action: f.action,
    // An unknown actor matches nobody rather than everybody.
    actorStaffId: f.actorStaffNumber ? (actor?.id ?? -1) : undefined,
    targetType: f.targetType,
    targetId: f.targetId,
    from: f.from ? tokyoDateTime(f.from, '00:00') : undefined,
    to: f.to ? tokyoDateTime(addDays(f.to, 1), '00:00') : undefined,
  };
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor:
      r.actor_staff_id !== null && r.actor_staff_number
        ? { staffId: r.actor_staff_id, staffNumber: r.actor_staff_number, name: r.actor_name ?? '' }
        : null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  };
}

export async function searchAuditLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditFilter & { limit: number; offset: number };
}) {
  const { rows, total } = await searchAudit(ctx.db, {
    ...(await toQuery(ctx, input)),
    limit: input.limit,
    offset: input.offset,
  });
  return { items: rows.map(toEntry), total };
}

const EXPORT_LIMIT = 100_000;

/** The filtered log as CSV with a BOM, so spreadsheet programs read the Japanese correctly. */
export async function exportAuditLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditFilter;
}): Promise<string> {
  const { rows } = await searchAudit(ctx.db, {
    ...(await toQuery(ctx, input)),
    limit: EXPORT_LIMIT,
    offset: 0,
  });
  const records = rows.map((r) => {
    const e = toEntry(r);
    return [
      e.id,
      e.at,
      e.actor?.staffNumber ?? '',
      e.actor?.name ?? '',
      e.action,
      e.targetType,
      e.targetId ?? '',
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
      e.requestId ?? '',
    ];
  });
  const header = [
    'id',
    'at',
    'actor_staff_number',
    'actor_name',
    'action',
    'target_type',
    'target_id',
    'before',
    'after',
    'request_id',
  ];
  return toCsv(header, records);
}
