import {
  BUREAU_LEVEL_KINDS,
  type Audience,
  type ReminderScheduleRule,
  type RequirementStatus,
} from '@kenshu/domain';
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB } from '../schema.ts';
import { hasRoleSql, inAudienceSql } from './audience.ts';
import { requirementFactsSql, requirementStatusSql } from './requirements.ts';

/** Statuses a scheduled reminder is about: owed, and not already settled by a seat ahead. */
export const REMINDED_STATUSES = [
  'not_started',
  'waiting',
  'e_learning_assigned',
  'e_learning_in_progress',
  'e_learning_overdue',
] as const satisfies readonly RequirementStatus[];

/** The reminder schedules courses have set, by course. */
export async function reminderSchedules(
  db: Executor,
  courseIds?: readonly number[],
): Promise<Map<number, ReminderScheduleRule>> {
  if (courseIds && courseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reminder_schedule')
    .selectAll()
    .$if(courseIds !== undefined, (qb) => qb.where('course_id', 'in', courseIds ?? []))
    .execute();
  return new Map(
    rows.map((r) => [
      r.course_id,
      {
        enabled: r.enabled,
        daysBefore: [...r.days_before].sort((a, b) => b - a),
        onDueDate: r.on_due_date,
        overdueEveryDays: r.overdue_every_days,
        escalateAfter: r.escalate_after,
        officerAfter: r.officer_after,
      },
    ]),
  );
}

/** Sets (or replaces) a course's reminder schedule. */
export async function saveReminderSchedule(
  db: Executor,
  courseId: number,
  rule: ReminderScheduleRule,
  by: number,
  at: Date,
): Promise<void> {
  const values = {
    enabled: rule.enabled,
    days_before: [...rule.daysBefore],
    on_due_date: rule.onDueDate,
    overdue_every_days: rule.overdueEveryDays,
    escalate_after: rule.escalateAfter,
    officer_after: rule.officerAfter,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('reminder_schedule')
    .values({ course_id: courseId, ...values })
    .onConflict((oc) => oc.column('course_id').doUpdateSet(values))
    .execute();
}

/** Admins' reminder settings; null fields follow the configuration. */
export async function reminderSettings(db: Executor) {
  const row = await db.selectFrom('reminder_setting').selectAll().executeTakeFirst();
  return {
    capDays: row?.cap_days ?? null,
    hours:
      row?.hours_from && row.hours_until ? { from: row.hours_from, until: row.hours_until } : null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveReminderSettings(
  db: Executor,
  settings: { capDays: number | null; hours: { from: string; until: string } | null },
  by: number,
  at: Date,
): Promise<void> {
  const values = {
    cap_days: settings.capDays,
    hours_from: settings.hours?.from ?? null,
    hours_until: settings.hours?.until ?? null,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('reminder_setting')
    .values({ id: true, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/**
 * Turns PostgreSQL's JIT compiler off for the rest of the run's transaction: the obligations
 * query scans every person once, and JIT's compile time (about 1.8 s of its 2.2 s at 80,000
 * staff) costs far more than it saves. PGlite has no JIT; the setting is accepted and ignored.
 */
export async function withoutJit(trx: Transaction<DB>): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}

/** Whether the reminder run of this Tokyo day has already been decided. */
export async function reminderRunOf(db: Executor, day: string) {
  return db.selectFrom('reminder_run').selectAll().where('day', '=', day).executeTakeFirst();
}

/** The latest day's reminder run, if any has run yet. */
export async function lastReminderRun(db: Executor) {
  return db
    .selectFrom('reminder_run')
    .selectAll()
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Records the day's run in the transaction that wrote its messages. The primary key makes a
 * second instance that decided the same day fail and roll its messages back.
 */
export async function recordReminderRun(
  trx: Transaction<DB>,
  row: {
    day: string;
    ran_at: Date;
    digests: number;
    escalations: number;
    capped: number;
    nobody_to_tell: number;
    no_address: number;
  },
): Promise<void> {
  await trx.insertInto('reminder_run').values(row).execute();
}

/** Where the facts of a reminder run are read at. */
export interface ObligationsAt {
  fiscalYear: number;
  now: Date;
  today: string;
  /** The due date of a requirement with no e-learning assignment: the fiscal year's last day. */
  yearEnd: string;
}

/**
 * Everyone who still owes one course this fiscal year and has no seat ahead, with the due date
 * (their open e-learning assignment's, else the year's end) and where they are in its reminder
 * schedule. The same statuses the team page shows, from the same SQL.
 */
export function courseObligationsQuery(
  db: Executor,
  course: { id: number; audience: Audience },
  at: ObligationsAt,
) {
  const facts = requirementFactsSql(sql.ref('s.id'), sql`${course.id}::int`, sql`true`, at);
  const status = requirementStatusSql(facts);
  const people = db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .where('s.active', '=', true)
    .where(inAudienceSql(course.audience, { facts: 's', staffId: 's.id', unit: 'u' }))
    .select([
      's.id as staff_id',
      sql<string>`coalesce((select min(a.due_on) from assignment a
        where a.staff_id = s.id and a.course_id = ${course.id} and a.fiscal_year = ${at.fiscalYear}
          and a.status = 'open'), ${at.yearEnd}::date)`.as('due_on'),
      status.as('status'),
    ]);
  return db
    .selectFrom(people.as('p'))
    .leftJoin('reminder_progress as r', (j) =>
      j
        .onRef('r.staff_id', '=', 'p.staff_id')
        .on('r.course_id', '=', course.id)
        .on('r.fiscal_year', '=', at.fiscalYear),
    )
    .where(sql<SqlBool>`p.status in (${sql.join(REMINDED_STATUSES)})`)
    .select([
      'p.staff_id',
      'p.due_on',
      'r.due_on as progress_due_on',
      'r.last_stage',
      'r.last_reminded_on',
      'r.overdue_reminders',
      'r.escalation',
    ]);
}

/** Everyone who still owes one course this fiscal year: courseObligationsQuery, run. */
export function courseObligations(
  db: Executor,
  course: { id: number; audience: Audience },
  at: ObligationsAt,
) {
  return courseObligationsQuery(db, course, at).execute();
}

/** Records where each reminded person now is in each obligation's schedule, in one statement. */
export async function saveReminderProgress(
  trx: Transaction<DB>,
  rows: readonly {
    staff_id: number;
    course_id: number;
    fiscal_year: number;
    due_on: string;
    last_stage: string;
    last_reminded_on: string;
    overdue_reminders: number;
    escalation: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into reminder_progress
      (staff_id, course_id, fiscal_year, due_on, last_stage, last_reminded_on, overdue_reminders, escalation)
    select staff_id, course_id, fiscal_year, due_on, last_stage, last_reminded_on, overdue_reminders, escalation
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as p(
      staff_id integer, course_id integer, fiscal_year integer, due_on date, last_stage text,
      last_reminded_on date, overdue_reminders integer, escalation smallint)
    on conflict (staff_id, course_id, fiscal_year) do update set
      due_on = excluded.due_on, last_stage = excluded.last_stage,
      last_reminded_on = excluded.last_reminded_on,
      overdue_reminders = excluded.overdue_reminders, escalation = excluded.escalation`.execute(
    trx,
  );
}

/**
 * The people escalations go to: active section heads with the path of the unit they oversee
 * (their own, or the one an admin set for them), and active unit security officers with the
 * path of the bureau, agency or regional office their unit is in.
 */
export async function chasers(db: Executor) {
  const p = { facts: 's', staffId: 's.id', unit: 'u' };
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .leftJoin('org_unit as o', 'o.id', 's.oversight_unit_id')
    .where('s.active', '=', true)
    .where(
      sql<SqlBool>`(${hasRoleSql(p, ['section_head'])} or ${hasRoleSql(p, ['unit_security_officer'])})`,
    )
    .select([
      's.id',
      'u.path',
      sql<string>`coalesce(o.path, u.path)`.as('head_path'),
      hasRoleSql(p, ['section_head']).as('section_head'),
      hasRoleSql(p, ['unit_security_officer']).as('officer'),
      sql<string | null>`(select b.path from org_unit b
        where b.kind in (${sql.join(BUREAU_LEVEL_KINDS.map((k) => sql.lit(k)))})
          and u.path like b.path || '%'
        order by b.depth desc limit 1)`.as('bureau_path'),
    ])
    .execute();
  return rows;
}

/** Names and units of people, for an escalation digest. */
export async function peopleForDigest(db: Executor, staffIds: readonly number[]) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select([
      's.id',
      's.staff_number',
      's.family_name',
      's.given_name',
      'u.path',
      'u.name_ja',
      'u.name_en',
    ])
    .where('s.id', 'in', staffIds)
    .execute();
}

/**
 * Whom a day's reminder run told in the app only, for want of an e-mail address (messages of
 * these reasons recorded `no_address` for the day): the first `limit` by staff number.
 */
export async function unmailedOnDay(
  db: Executor,
  day: string,
  reasons: readonly string[],
  limit: number,
) {
  return db
    .selectFrom('mail_outbox as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .where('m.period', '=', day)
    .where('m.reason', 'in', reasons)
    .where('m.status', '=', 'no_address')
    .select([
      's.id',
      's.staff_number',
      sql<string>`s.family_name || ' ' || s.given_name`.as('name'),
    ])
    .distinct()
    .orderBy('s.staff_number')
    .limit(limit)
    .execute();
}
