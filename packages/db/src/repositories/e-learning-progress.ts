import type { Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type {
  AttemptAnswer,
  AttemptQuestionOrder,
  DB,
  ModuleProgress,
  QuizAttempt,
} from '../schema.ts';

/** A learner's progress on a module in a fiscal year, if they have started it. */
export async function findModuleProgress(
  db: Executor,
  staffId: number,
  moduleId: number,
  fiscalYear: number,
): Promise<ModuleProgress | undefined> {
  return db
    .selectFrom('module_progress')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('module_id', '=', moduleId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

/**
 * Starts progress on a version, or finds the one already started (two devices opening at once
 * both end up on the same row), and locks it for the rest of the transaction.
 */
export async function startModuleProgress(
  trx: Transaction<DB>,
  row: { staff_id: number; module_id: number; fiscal_year: number; module_version_id: number },
): Promise<ModuleProgress> {
  await trx
    .insertInto('module_progress')
    .values(row)
    .onConflict((oc) => oc.columns(['staff_id', 'module_id', 'fiscal_year']).doNothing())
    .execute();
  return trx
    .selectFrom('module_progress')
    .selectAll()
    .where('staff_id', '=', row.staff_id)
    .where('module_id', '=', row.module_id)
    .where('fiscal_year', '=', row.fiscal_year)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function lockModuleProgress(
  trx: Transaction<DB>,
  id: number,
): Promise<ModuleProgress | undefined> {
  return trx
    .selectFrom('module_progress')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateModuleProgress(
  trx: Transaction<DB>,
  id: number,
  patch: { viewedSectionIds?: number[]; lastSectionId?: number; completedAt?: Date; at: Date },
): Promise<ModuleProgress> {
  return trx
    .updateTable('module_progress')
    .set({
      updated_at: patch.at,
      ...(patch.viewedSectionIds
        ? { viewed_section_ids: JSON.stringify(patch.viewedSectionIds) }
        : {}),
      ...(patch.lastSectionId !== undefined ? { last_section_id: patch.lastSectionId } : {}),
      ...(patch.completedAt ? { completed_at: patch.completedAt } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function attemptsOfProgress(db: Executor, progressId: number): Promise<QuizAttempt[]> {
  return db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('progress_id', '=', progressId)
    .orderBy('id')
    .execute();
}

export async function insertQuizAttempt(
  trx: Transaction<DB>,
  row: {
    progress_id: number;
    staff_id: number;
    module_version_id: number;
    question_order: AttemptQuestionOrder[];
  },
): Promise<QuizAttempt> {
  return trx
    .insertInto('quiz_attempt')
    .values({ ...row, question_order: JSON.stringify(row.question_order) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findQuizAttempt(db: Executor, id: number): Promise<QuizAttempt | undefined> {
  return db.selectFrom('quiz_attempt').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks an attempt, so a double submit waits for the first and then sees it submitted. */
export async function lockQuizAttempt(
  trx: Transaction<DB>,
  id: number,
): Promise<QuizAttempt | undefined> {
  return trx
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function submitQuizAttempt(
  trx: Transaction<DB>,
  id: number,
  result: { answers: AttemptAnswer[]; score: number; passed: boolean; at: Date },
): Promise<QuizAttempt> {
  return trx
    .updateTable('quiz_attempt')
    .set({
      answers: JSON.stringify(result.answers),
      score: result.score,
      passed: result.passed,
      submitted_at: result.at,
    })
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .returningAll()
    .executeTakeFirstOrThrow();
}
