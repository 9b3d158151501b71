import {
  REQUIREMENT_STATUS_RULES,
  type RequirementFacts,
  type RequirementStatus,
} from '@kenshu/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../connection.ts';

/** The moment the facts are read at: a seat is "upcoming" or "held" relative to it. */
export interface FactsAt {
  fiscalYear: number;
  now: Date;
  /** Today in Tokyo ('YYYY-MM-DD'), for due dates. */
  today: string;
}

type FactSql = Record<keyof RequirementFacts, RawBuilder<boolean>>;

/**
 * Each fact of @kenshu/domain's RequirementFacts as SQL about one person (`staffId`) and one
 * course (`courseId`), both SQL expressions so the same facts serve one person's record and a
 * whole unit's list. `required` is the caller's, since audiences are resolved elsewhere.
 * Subqueries use r-prefixed aliases so they never capture a caller's alias (`c`, `s`, `b`).
 */
export function requirementFactsSql(
  staffId: RawBuilder<unknown>,
  courseId: RawBuilder<unknown>,
  required: RawBuilder<boolean>,
  at: FactsAt,
): FactSql {
  const fy = sql`${at.fiscalYear}::int`;
  const now = sql`${at.now}::timestamptz`;
  const today = sql`${at.today}::date`;
  const seat = (held: boolean) => sql<boolean>`exists (
    select 1 from booking rb join training_session rt on rt.id = rb.session_id
    where rb.staff_id = ${staffId} and rb.course_id = ${courseId} and rb.fiscal_year = ${fy}
      and rb.status = 'confirmed' and rb.closed_at is null
      and rt.ends_at ${held ? sql`<=` : sql`>`} ${now})`;
  const openAssignment = (extra: RawBuilder<unknown>) => sql<boolean>`exists (
    select 1 from assignment ra
    where ra.staff_id = ${staffId} and ra.course_id = ${courseId} and ra.fiscal_year = ${fy}
      and ra.status = 'open' ${extra})`;
  return {
    required,
    completed: sql<boolean>`exists (
      select 1 from completion rc
      where rc.staff_id = ${staffId} and rc.course_id = ${courseId} and rc.fiscal_year = ${fy}
        and rc.kind <> 'withdrawn'
        and not exists (select 1 from completion rw where rw.withdraws_completion_id = rc.id))`,
    upcomingSeat: seat(false),
    awaitingRoster: seat(true),
    eLearningOverdue: openAssignment(sql`and ra.due_on < ${today}`),
    eLearningStarted: sql<boolean>`exists (
      select 1 from module_progress rp join module rm on rm.id = rp.module_id
      where rp.staff_id = ${staffId} and rm.course_id = ${courseId} and rp.fiscal_year = ${fy}
        and rp.completed_at is null)`,
    eLearningAssigned: openAssignment(sql``),
    waiting: sql<boolean>`exists (
      select 1 from booking rb join training_session rt on rt.id = rb.session_id
      where rb.staff_id = ${staffId} and rb.course_id = ${courseId} and rb.fiscal_year = ${fy}
        and rb.status = 'waitlisted' and rt.starts_at > ${now})`,
  };
}

/**
 * The status as SQL, built from the domain's rule list: the same rule that requirementStatus
 * applies to one person, so a count can never disagree with a person's own page.
 */
export function requirementStatusSql(facts: FactSql): RawBuilder<RequirementStatus> {
  const whens = REQUIREMENT_STATUS_RULES.map(
    (rule) =>
      sql`when ${rule.is ? facts[rule.when] : sql`not ${facts[rule.when]}`} then ${sql.lit(rule.status)}`,
  );
  return sql<RequirementStatus>`(case ${sql.join(whens, sql` `)} else 'not_started' end)`;
}

/**
 * One person's facts for each of these courses in a fiscal year (one query); `required` is
 * reported as true here and settled by the caller from the course's audience.
 */
export async function requirementFactsOf(
  db: Executor,
  staffId: number,
  courseIds: readonly number[],
  at: FactsAt,
): Promise<Map<number, Omit<RequirementFacts, 'required'>>> {
  if (courseIds.length === 0) return new Map();
  const facts = requirementFactsSql(sql`${staffId}::int`, sql.ref('c.id'), sql`true`, at);
  const rows = await db
    .selectFrom('course as c')
    .select([
      'c.id',
      facts.completed.as('completed'),
      facts.upcomingSeat.as('upcomingSeat'),
      facts.awaitingRoster.as('awaitingRoster'),
      facts.eLearningOverdue.as('eLearningOverdue'),
      facts.eLearningStarted.as('eLearningStarted'),
      facts.eLearningAssigned.as('eLearningAssigned'),
      facts.waiting.as('waiting'),
    ])
    .where('c.id', 'in', courseIds)
    .execute();
  return new Map(rows.map(({ id, ...f }) => [id, f]));
}
