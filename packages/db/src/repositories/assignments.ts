import type { Audience } from '@kenshu/domain';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type {
  Assignment,
  AssignmentRuleName,
  AssignmentSource,
  AssignmentStatus,
  DB,
} from '../schema.ts';
import { inAudienceSql, type PersonColumns } from './audience.ts';
import { requirementFactsSql } from './requirements.ts';
import { escapeLike } from './like.ts';

/** People as they are now: `staff s` in their unit `u`. */
const STAFF_NOW: PersonColumns = { facts: 's', staffId: 's.id', unit: 'u' };

/** Opens an assignment unless the person already has an open one for the course and year. */
export async function insertAssignment(
  db: Executor,
  row: {
    staff_id: number;
    course_id: number;
    fiscal_year: number;
    module_id: number;
    due_on: string;
    source: AssignmentSource;
    reason?: string | null;
    session_id?: number | null;
    created_by: number | null;
  },
): Promise<Assignment | undefined> {
  return db
    .insertInto('assignment')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['staff_id', 'course_id', 'fiscal_year']).where('status', '=', 'open').doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function findAssignment(db: Executor, id: number): Promise<Assignment | undefined> {
  return db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockAssignment(
  trx: Transaction<DB>,
  id: number,
): Promise<Assignment | undefined> {
  return trx
    .selectFrom('assignment')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findOpenAssignment(
  db: Executor,
  staffId: number,
  courseId: number,
  fiscalYear: number,
): Promise<Assignment | undefined> {
  return openAssignmentsQuery(db, staffId, fiscalYear)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

/** A person's open assignments in a fiscal year, soonest due first. */
export async function openAssignmentsOf(
  db: Executor,
  staffId: number,
  fiscalYear: number,
): Promise<Assignment[]> {
  return openAssignmentsQuery(db, staffId, fiscalYear).orderBy('due_on').execute();
}

/** A person's open assignments in a fiscal year (at most one per course, by a unique index). */
function openAssignmentsQuery(db: Executor, staffId: number, fiscalYear: number) {
  return db
    .selectFrom('assignment')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'open');
}

export async function withdrawAssignment(
  trx: Transaction<DB>,
  id: number,
  change: { by: number; reason: string; at: Date },
): Promise<Assignment> {
  return trx
    .updateTable('assignment')
    .set({
      status: 'withdrawn',
      closed_at: change.at,
      closed_by: change.by,
      withdraw_reason: change.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AssignmentQuery {
  courseId: number;
  fiscalYear: number;
  status?: AssignmentStatus | undefined;
  /** Only people under this subtree, by materialised path. */
  unitPath?: string | undefined;
  /** Only open assignments due before this day ('YYYY-MM-DD'). */
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of a course's assignments with the person and unit, and the total matching. */
export async function searchAssignments(db: Executor, q: AssignmentQuery) {
  let base = db
    .selectFrom('assignment')
    .innerJoin('staff', 'staff.id', 'assignment.staff_id')
    .innerJoin('org_unit', 'org_unit.id', 'staff.org_unit_id')
    .innerJoin('module', 'module.id', 'assignment.module_id')
    .where('assignment.course_id', '=', q.courseId)
    .where('assignment.fiscal_year', '=', q.fiscalYear);
  if (q.status) base = base.where('assignment.status', '=', q.status);
  if (q.unitPath) base = base.where('org_unit.path', 'like', `${escapeLike(q.unitPath)}%`);
  if (q.overdueOn) {
    base = base
      .where('assignment.status', '=', 'open')
      .where('assignment.due_on', '<', q.overdueOn);
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('assignment')
      .select([
        'staff.staff_number',
        'staff.family_name',
        'staff.given_name',
        'org_unit.id as unit_id',
        'org_unit.name_ja as unit_name_ja',
        'org_unit.name_en as unit_name_en',
      ])
      .orderBy('assignment.due_on')
      .orderBy('assignment.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export interface AssignmentRuleSetting {
  rule: AssignmentRuleName;
  enabled: boolean;
  due_days: number;
}

export async function assignmentRulesOf(
  db: Executor,
  courseId: number,
): Promise<AssignmentRuleSetting[]> {
  return db
    .selectFrom('assignment_rule')
    .select(['rule', 'enabled', 'due_days'])
    .where('course_id', '=', courseId)
    .execute();
}

export async function saveAssignmentRule(
  db: Executor,
  courseId: number,
  setting: AssignmentRuleSetting,
  at: Date,
): Promise<void> {
  await db
    .insertInto('assignment_rule')
    .values({ course_id: courseId, ...setting, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['course_id', 'rule']).doUpdateSet({
        enabled: setting.enabled,
        due_days: setting.due_days,
        updated_at: at,
      }),
    )
    .execute();
}

/** Courses with a rule switched on, with the rule's due period. */
export async function coursesWithRule(db: Executor, rule: AssignmentRuleName) {
  return db
    .selectFrom('assignment_rule')
    .innerJoin('course', 'course.id', 'assignment_rule.course_id')
    .selectAll('course')
    .select('assignment_rule.due_days')
    .where('assignment_rule.rule', '=', rule)
    .where('assignment_rule.enabled', '=', true)
    .where('course.active', '=', true)
    .where('course.published_at', 'is not', null)
    .orderBy('course.id')
    .execute();
}

export async function findCourseWindow(
  db: Executor,
  courseId: number,
  fiscalYear: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('course_window')
    .select('closes_on')
    .where('course_id', '=', courseId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row?.closes_on;
}

/** Sets (or, with null, clears) a course's group-session window close date for a year. */
export async function saveCourseWindow(
  db: Executor,
  courseId: number,
  fiscalYear: number,
  closesOn: string | null,
): Promise<void> {
  if (closesOn === null) {
    await db
      .deleteFrom('course_window')
      .where('course_id', '=', courseId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
    return;
  }
  await db
    .insertInto('course_window')
    .values({ course_id: courseId, fiscal_year: fiscalYear, closes_on: closesOn })
    .onConflict((oc) =>
      oc.columns(['course_id', 'fiscal_year']).doUpdateSet({ closes_on: closesOn }),
    )
    .execute();
}

interface RuleAssignment {
  courseId: number;
  fiscalYear: number;
  moduleId: number;
  dueOn: string;
  source: Exclude<AssignmentSource, 'manual'>;
  /** The admin who assigned by hand ("assign now"); null for the automatic rules. */
  createdBy?: number | null;
}

/**
 * Inserts an assignment for each candidate (`staff_id`, `session_id` rows of `candidates`) who
 * has no completion and no assignment of any status for the course and year — a withdrawn one
 * stays withdrawn — and notifies each newly assigned person, all in one statement.
 */
async function assignCandidates(
  trx: Transaction<DB>,
  candidates: RawBuilder<unknown>,
  a: RuleAssignment,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with inserted as (
      insert into assignment (staff_id, course_id, fiscal_year, module_id, due_on, source, session_id, created_by)
      select distinct on (cand.staff_id)
        cand.staff_id, ${a.courseId}::int, ${a.fiscalYear}::int, ${a.moduleId}::int,
        ${a.dueOn}::date, ${a.source}::text, cand.session_id, ${a.createdBy ?? null}::int
      from (${candidates}) cand
      where not exists (
          select 1 from completion c
          where c.staff_id = cand.staff_id and c.fiscal_year = ${a.fiscalYear}::int
            and c.course_id = ${a.courseId}::int)
        and not exists (
          select 1 from assignment x
          where x.staff_id = cand.staff_id and x.fiscal_year = ${a.fiscalYear}::int
            and x.course_id = ${a.courseId}::int)
      order by cand.staff_id
      on conflict (staff_id, course_id, fiscal_year) where status = 'open' do nothing
      returning id, staff_id, due_on
    ), notified as (
      insert into notification (staff_id, kind, payload)
      select staff_id, 'e_learning.assigned', jsonb_build_object(
        'assignmentId', id, 'courseId', ${a.courseId}::int, 'moduleId', ${a.moduleId}::int,
        'fiscalYear', ${a.fiscalYear}::int, 'dueOn', due_on, 'source', ${a.source}::text)
      from inserted
    )
    select count(*)::int as n from inserted`.execute(trx);
  return rows[0]?.n ?? 0;
}

/**
 * Assigns a course's module, in one statement, to everyone the course requires who has not
 * completed it that year, optionally only people in units without group sessions.
 */
export async function assignRequiredWithoutCompletion(
  trx: Transaction<DB>,
  input: RuleAssignment & { audience: Audience; onlyWithoutGroupSessions: boolean },
): Promise<number> {
  const noGroupSessions = input.onlyWithoutGroupSessions
    ? sql`and exists (select 1 from org_unit ng where ng.has_group_sessions = false and u.path like ng.path || '%')`
    : sql``;
  return assignCandidates(
    trx,
    sql`select s.id as staff_id, null::int as session_id
        from staff s join org_unit u on u.id = s.org_unit_id
        where s.active and ${inAudienceSql(input.audience, STAFF_NOW)} ${noGroupSessions}`,
    input,
  );
}

export interface AssignNowQuery {
  courseId: number;
  fiscalYear: number;
  audience: Audience;
  now: Date;
  /** Today in Tokyo, 'YYYY-MM-DD'. */
  today: string;
}

/**
 * Who "assign e-learning now" reaches: everyone the course requires who has not completed it,
 * has never had its e-learning assigned this year (a withdrawn one stays withdrawn), and holds no
 * seat on a session ahead or one awaiting its attendance sheet.
 */
function assignNowCandidatesSql(q: AssignNowQuery): RawBuilder<unknown> {
  const facts = requirementFactsSql(sql.ref('s.id'), sql`${q.courseId}::int`, sql`true`, q);
  return sql`select s.id as staff_id, null::int as session_id
    from staff s join org_unit u on u.id = s.org_unit_id
    where s.active and ${inAudienceSql(q.audience, STAFF_NOW)}
      and not ${facts.completed} and not ${facts.upcomingSeat} and not ${facts.awaitingRoster}
      and not exists (
        select 1 from assignment x
        where x.staff_id = s.id and x.course_id = ${q.courseId}::int
          and x.fiscal_year = ${q.fiscalYear}::int)`;
}

/** How many "assign now" would reach, and the first `limit` of them by unit and name. */
export async function previewAssignNow(db: Executor, q: AssignNowQuery, limit: number) {
  const candidates = assignNowCandidatesSql(q);
  const [people, count] = await Promise.all([
    sql<{
      staff_id: number;
      staff_number: string;
      family_name: string;
      given_name: string;
      unit_id: number;
      unit_name_ja: string;
      unit_name_en: string;
    }>`select s.id as staff_id, s.staff_number, s.family_name, s.given_name,
        u.id as unit_id, u.name_ja as unit_name_ja, u.name_en as unit_name_en
      from (${candidates}) cand
      join staff s on s.id = cand.staff_id join org_unit u on u.id = s.org_unit_id
      order by u.path, s.family_name_kana, s.given_name_kana, s.staff_number
      limit ${limit}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from (${candidates}) cand`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, people: people.rows };
}

/**
 * Assigns a course's module to everyone "assign now" reaches, in one statement; returns how many.
 */
export async function assignNow(
  trx: Transaction<DB>,
  q: AssignNowQuery & { moduleId: number; dueOn: string; createdBy: number },
): Promise<number> {
  return assignCandidates(trx, assignNowCandidatesSql(q), { ...q, source: 'assigned_now' });
}

/** Assigns a course's module to the listed people (e.g. everyone absent from one session). */
export async function assignListedStaff(
  trx: Transaction<DB>,
  people: readonly { staffId: number; sessionId: number | null }[],
  input: RuleAssignment,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < people.length; i += 1000) {
    const values = people
      .slice(i, i + 1000)
      .map((p) => sql`(${p.staffId}::int, ${p.sessionId}::int)`);
    changed += await assignCandidates(
      trx,
      sql`select * from (values ${sql.join(values)}) as v(staff_id, session_id)`,
      input,
    );
  }
  return changed;
}

/** Closes the open assignments of these people, courses and years as completed. */
export async function completeOpenAssignmentsFor(
  db: Executor,
  keys: readonly { staffId: number; courseId: number; fiscalYear: number }[],
  at: Date,
): Promise<number> {
  if (keys.length === 0) return 0;
  const values = keys.map(
    (k) => sql`(${k.staffId}::int, ${k.courseId}::int, ${k.fiscalYear}::int)`,
  );
  const res = await sql`
    update assignment a set status = 'completed', closed_at = ${at}
    from (values ${sql.join(values)}) as k(staff_id, course_id, fiscal_year)
    where a.status = 'open' and a.staff_id = k.staff_id and a.course_id = k.course_id
      and a.fiscal_year = k.fiscal_year`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
