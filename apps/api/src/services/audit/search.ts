import type { AuditEntry, AuditTarget } from '@kenshu/contracts';
import {
  describeAuditTargets,
  findStaffByLogin,
  searchAudit,
  type AuditRow,
  type AuditTargetName,
} from '@kenshu/db';
import { addDays, tokyoDateOf, tokyoDateTime, tokyoTimestamp } from '@kenshu/domain';
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

function toTarget(name: AuditTargetName | undefined): AuditTarget | null {
  if (!name) return null;
  switch (name.type) {
    case 'session':
    case 'booking':
      return { ...name, startsAt: name.startsAt.toISOString() };
    case 'roster_import':
      return { ...name, appliedAt: name.appliedAt.toISOString() };
    default:
      return name;
  }
}

function toEntry(r: AuditRow, names: Map<string, AuditTargetName>): AuditEntry {
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
    target: toTarget(names.get(`${r.target_type}:${r.target_id}`)),
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
  const names = await describeAuditTargets(ctx.db, rows);
  return { items: rows.map((r) => toEntry(r, names)), total };
}

const EXPORT_LIMIT = 100_000;

const TOKYO_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The target by name in Japanese, for the export (which has one language). */
function targetNameJa(target: AuditTarget | null): string {
  if (!target) return '';
  const when = (instant: string) =>
    `${tokyoDateOf(new Date(instant))} ${TOKYO_TIME.format(new Date(instant))}`;
  switch (target.type) {
    case 'staff':
      return `${target.name} (${target.staffNumber})`;
    case 'session':
      return [target.courseTitleJa, when(target.startsAt), target.venue].filter(Boolean).join(' ');
    case 'booking':
      return `${target.name} (${target.staffNumber}) ${target.courseTitleJa} ${when(target.startsAt)}`;
    case 'course':
      return `${target.titleJa} (${target.code})`;
    case 'module':
      return target.titleJa;
    case 'roster_import':
      return target.fileName ?? when(target.appliedAt);
    case 'org_unit':
      return target.nameJa;
  }
}

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
  const names = new Map<string, AuditTargetName>();
  // Described a thousand at a time: one query's list of ids stays well within PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 1000) {
    for (const [key, name] of await describeAuditTargets(ctx.db, rows.slice(i, i + 1000)))
      names.set(key, name);
  }
  const records = rows.map((r) => {
    const e = toEntry(r, names);
    return [
      e.id,
      tokyoTimestamp(e.at),
      e.actor?.staffNumber ?? '',
      e.actor?.name ?? '',
      e.action,
      e.targetType,
      e.targetId ?? '',
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
      e.requestId ?? '',
      targetNameJa(e.target),
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
    'target_name',
  ];
  return toCsv(header, records);
}
