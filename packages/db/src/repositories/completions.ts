import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../connection.ts';
import type { CompletionKind } from '../schema.ts';

export interface NewCompletion {
  staff_id: number;
  course_id: number;
  fiscal_year: number;
  kind: Exclude<CompletionKind, 'withdrawn'>;
  session_id?: number | null;
  source_ref?: string | null;
  reason?: string | null;
  recorded_by: number | null;
  /** When it happened by the app's clock; the database's time when left out. */
  recorded_at?: Date;
}

/** Records a completion event. Never updated or deleted afterwards (a trigger enforces it). */
export async function insertCompletion(db: Executor, row: NewCompletion): Promise<void> {
  await db.insertInto('completion').values(row).execute();
}

/**
 * Records many completions in one statement, skipping people who already have an effective one
 * for that course and year. Returns who was newly completed.
 */
export async function insertCompletionsIfMissing(
  db: Executor,
  rows: readonly NewCompletion[],
): Promise<
  { staff_id: number; course_id: number; fiscal_year: number; kind: NewCompletion['kind'] }[]
> {
  if (rows.length === 0) return [];
  const inserted = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const staffIds = [...new Set(batch.map((r) => r.staff_id))];
    const existing = await effectiveCompletions(db, staffIds);
    const fresh = batch.filter(
      (r) =>
        !existing.some(
          (c) =>
            c.staff_id === r.staff_id &&
            c.course_id === r.course_id &&
            c.fiscal_year === r.fiscal_year,
        ),
    );
    if (fresh.length === 0) continue;
    inserted.push(
      ...(await db
        .insertInto('completion')
        .values(
          fresh.map((r) => ({
            ...r,
            session_id: r.session_id ?? null,
            source_ref: r.source_ref ?? null,
            reason: r.reason ?? null,
          })),
        )
        .returning(['staff_id', 'course_id', 'fiscal_year', 'kind'])
        .$narrowType<{ kind: NewCompletion['kind'] }>()
        .execute()),
    );
  }
  return inserted;
}

function effective(db: Executor) {
  return db
    .selectFrom('completion as c')
    .selectAll('c')
    .where('c.kind', '<>', 'withdrawn')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('completion as w')
            .select('w.id')
            .whereRef('w.withdraws_completion_id', '=', 'c.id'),
        ),
      ),
    )
    .$narrowType<{ kind: Exclude<CompletionKind, 'withdrawn'> }>();
}

async function effectiveCompletions(db: Executor, staffIds: number[]) {
  if (staffIds.length === 0) return [];
  return effective(db).where('c.staff_id', 'in', staffIds).execute();
}

/**
 * The e-learning behind a completion (`completion` names a completion row of the query): the
 * module progress that finished it, with its score as a percentage (the quiz's best passing
 * score, or the SCORM package's score). No row for a completion made otherwise. The audit
 * sample, the team page and My training all read the score here, so they show one number.
 */
export function eLearningEvidenceSql(completion: string): RawBuilder<{
  id: number;
  module_version_id: number;
  completed_at: Date | null;
  score: number | null;
}> {
  const c = (column: string) => sql.ref(`${completion}.${column}`);
  return sql`(
    select ep.id, ep.module_version_id, ep.completed_at,
      coalesce(
        (select max(eq.score) from quiz_attempt eq where eq.progress_id = ep.id and eq.passed),
        (select er.score from scorm_runtime er where er.progress_id = ep.id)
      ) as score
    from module_progress ep join module em on em.id = ep.module_id
    where ${c('kind')} = 'e_learning' and ep.staff_id = ${c('staff_id')}
      and em.course_id = ${c('course_id')} and ep.fiscal_year = ${c('fiscal_year')}
    order by ep.completed_at nulls last, ep.id
    limit 1)`;
}

/** The score of a completion by e-learning (see eLearningEvidenceSql); null for any other. */
export function eLearningScoreSql(completion: string): RawBuilder<number | null> {
  return sql`(select ee.score from ${eLearningEvidenceSql(completion)} ee)`;
}

/**
 * The score of the completion that counts for a person, course and year (their first one not
 * withdrawn, as the reports count it): null when not completed, or not by e-learning.
 */
export function countingCompletionScoreSql(
  staffId: RawBuilder<unknown>,
  courseId: number,
  fiscalYear: number,
): RawBuilder<number | null> {
  return sql`(
    select ${eLearningScoreSql('sc')} from completion sc
    where sc.staff_id = ${staffId} and sc.course_id = ${courseId}::int
      and sc.fiscal_year = ${fiscalYear}::int and sc.kind <> 'withdrawn'
      and not exists (select 1 from completion sw where sw.withdraws_completion_id = sc.id)
    order by sc.recorded_at, sc.id
    limit 1)`;
}

/**
 * A person's completions that still count (not withdrawn) for a fiscal year, each with its
 * e-learning score (null when not by e-learning).
 */
export async function completionsOf(db: Executor, staffId: number, fiscalYear: number) {
  return effective(db)
    .select(eLearningScoreSql('c').as('score'))
    .where('c.staff_id', '=', staffId)
    .where('c.fiscal_year', '=', fiscalYear)
    .orderBy('c.recorded_at')
    .execute();
}

/** Withdraws the attendance completions that a session gave these people (a corrected mark). */
export async function withdrawAttendanceCompletions(
  db: Executor,
  sessionId: number,
  staffIds: readonly number[],
  by: { staffId: number | null; reason: string },
): Promise<number[]> {
  if (staffIds.length === 0) return [];
  const toWithdraw = await effective(db)
    .where('c.kind', '=', 'attended')
    .where('c.session_id', '=', sessionId)
    .where('c.staff_id', 'in', staffIds)
    .execute();
  if (toWithdraw.length === 0) return [];
  await db
    .insertInto('completion')
    .values(
      toWithdraw.map((c) => ({
        staff_id: c.staff_id,
        course_id: c.course_id,
        fiscal_year: c.fiscal_year,
        kind: 'withdrawn' as const,
        session_id: sessionId,
        reason: by.reason,
        recorded_by: by.staffId,
        withdraws_completion_id: c.id,
      })),
    )
    .execute();
  return toWithdraw.map((c) => c.staff_id);
}
