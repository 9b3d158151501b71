import { publishTrainingEvents } from '@kenshu/api/training-events';
import { runInTransaction, type Database } from '@kenshu/db';
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
