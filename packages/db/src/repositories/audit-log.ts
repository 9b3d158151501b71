import type { AuditAction, AuditTargetType } from '@kenshu/domain';
import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { AuditLogEntry } from '../schema.ts';

export interface AuditInput {
  actorStaffId: number | null;
  /** A code from @kenshu/domain's AUDIT_ACTIONS: the web app labels every one of them. */
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** When it happened, if not now: history recorded after the fact (the demo's past sessions). */
  at?: Date;
}

function auditRow(entry: AuditInput) {
  return {
    actor_staff_id: entry.actorStaffId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId === null ? null : String(entry.targetId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: entry.requestId ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  };
}

/** Appends an audit row. Call it with the transaction that makes the change it records. */
export async function insertAudit(db: Executor, entry: AuditInput): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** Appends one audit row per person of a change made to many at once, in one statement. */
export async function insertAudits(db: Executor, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map(auditRow)).execute();
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

/** What an audit entry is about, by name: enough to show it and link to it. */
export type AuditTargetName =
  | { type: 'staff'; id: number; staffNumber: string; name: string }
  | {
      type: 'session';
      id: number;
      courseTitleJa: string;
      courseTitleEn: string;
      startsAt: Date;
      venue: string | null;
    }
  | {
      type: 'booking';
      id: number;
      sessionId: number;
      staffNumber: string;
      name: string;
      courseTitleJa: string;
      courseTitleEn: string;
      startsAt: Date;
    }
  | { type: 'course'; id: number; code: string; titleJa: string; titleEn: string }
  | { type: 'module'; id: number; titleJa: string; titleEn: string }
  | { type: 'roster_import'; id: number; fileName: string | null; appliedAt: Date }
  | { type: 'org_unit'; id: number; nameJa: string; nameEn: string };

/** Whole-number ids of one target type among the entries (ids of other shapes are skipped). */
function idsOf(
  entries: readonly { target_type: string; target_id: string | null }[],
  type: string,
) {
  const ids = new Set<number>();
  for (const e of entries) {
    if (e.target_type !== type || e.target_id === null || !/^\d{1,9}$/.test(e.target_id)) continue;
    ids.add(Number(e.target_id));
  }
  return [...ids];
}

/**
 * The names of the things a page of audit entries is about, keyed `type:id`: one query per type
 * that occurs. A target that no longer exists has no name.
 */
export async function describeAuditTargets(
  db: Executor,
  entries: readonly { target_type: string; target_id: string | null }[],
): Promise<Map<string, AuditTargetName>> {
  const found = await Promise.all(
    [...TARGET_NAMES].map(([type, namesOf]) => {
      const ids = idsOf(entries, type);
      return ids.length > 0 ? namesOf(db, ids) : [];
    }),
  );
  return new Map(found.flat().map((name) => [`${name.type}:${name.id}`, name]));
}

/** How each nameable target type finds the names of a page's ids, in one query. */
const TARGET_NAMES = new Map<
  AuditTargetType,
  (db: Executor, ids: number[]) => Promise<AuditTargetName[]>
>([
  ['staff', staffNames],
  ['session', sessionNames],
  ['booking', bookingNames],
  ['course', courseNames],
  ['module', moduleNames],
  ['roster_import', staffImportNames],
  ['org_unit', unitNames],
]);

async function staffNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'staff_number', 'family_name', 'given_name'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((s) => ({
    type: 'staff',
    id: s.id,
    staffNumber: s.staff_number,
    name: `${s.family_name} ${s.given_name}`,
  }));
}

async function sessionNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .select(['s.id', 's.starts_at', 's.venue', 'c.title_ja', 'c.title_en'])
    .where('s.id', 'in', ids)
    .execute();
  return rows.map((s) => ({
    type: 'session',
    id: s.id,
    courseTitleJa: s.title_ja,
    courseTitleEn: s.title_en,
    startsAt: s.starts_at,
    venue: s.venue,
  }));
}

async function bookingNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('booking as b')
    .innerJoin('training_session as s', 's.id', 'b.session_id')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .innerJoin('staff as p', 'p.id', 'b.staff_id')
    .select([
      'b.id',
      'b.session_id',
      's.starts_at',
      'c.title_ja',
      'c.title_en',
      'p.staff_number',
      'p.family_name',
      'p.given_name',
    ])
    .where('b.id', 'in', ids)
    .execute();
  return rows.map((b) => ({
    type: 'booking',
    id: b.id,
    sessionId: b.session_id,
    staffNumber: b.staff_number,
    name: `${b.family_name} ${b.given_name}`,
    courseTitleJa: b.title_ja,
    courseTitleEn: b.title_en,
    startsAt: b.starts_at,
  }));
}

async function courseNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('course')
    .select(['id', 'code', 'title_ja', 'title_en'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((c) => ({
    type: 'course',
    id: c.id,
    code: c.code,
    titleJa: c.title_ja,
    titleEn: c.title_en,
  }));
}

async function moduleNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('module_version as v')
    .select(['v.module_id', 'v.title_ja', 'v.title_en'])
    .where('v.module_id', 'in', ids)
    // The newest version's title: the one the editor shows.
    .where(
      'v.version',
      '=',
      sql<number>`(select max(w.version) from module_version w where w.module_id = v.module_id)`,
    )
    .execute();
  return rows.map((m) => ({
    type: 'module',
    id: m.module_id,
    titleJa: m.title_ja,
    titleEn: m.title_en,
  }));
}

async function staffImportNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('roster_import')
    .select(['id', 'file_name', 'applied_at'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    type: 'roster_import',
    id: r.id,
    fileName: r.file_name,
    appliedAt: r.applied_at,
  }));
}

async function unitNames(db: Executor, ids: number[]): Promise<AuditTargetName[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name_ja', 'name_en'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((u) => ({ type: 'org_unit', id: u.id, nameJa: u.name_ja, nameEn: u.name_en }));
}
