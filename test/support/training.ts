import { publishTrainingEvents } from '@kenshu/api/training-events';
import { runInTransaction, type Database, type Executor } from '@kenshu/db';
import { currentFiscalYear } from '@kenshu/domain';

/**
 * Marks a person absent from the course's first session this year, as finalising its attendance
 * sheet would (so the "absent" rule may assign them the e-learning).
 */
export async function markAbsent(database: Database, staffId: number, courseId: number) {
  const db = database.db;
  const session = await db
    .selectFrom('training_session')
    .select('id')
    .where('course_id', '=', courseId)
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  await runInTransaction(db, (trx) =>
    publishTrainingEvents(
      trx,
      [
        {
          type: 'attendance.absent',
          staffId,
          courseId,
          fiscalYear: currentFiscalYear(),
          sessionId: session.id,
        },
      ],
      new Date(),
    ),
  );
}

/** An e-learning assignment made by hand (with a module of its own), due on `dueOn`. */
export async function assignByHand(
  db: Executor,
  a: { courseId: number; staffId: number; fiscalYear: number; dueOn: string },
) {
  const module = await db
    .insertInto('module')
    .values({ course_id: a.courseId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assignment')
    .values({
      staff_id: a.staffId,
      course_id: a.courseId,
      fiscal_year: a.fiscalYear,
      module_id: module.id,
      due_on: a.dueOn,
      source: 'manual',
      reason: 'test',
    })
    .execute();
}
