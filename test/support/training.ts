import type { AppType } from '@kenshu/api';
import { publishTrainingEvents } from '@kenshu/api/training-events';
import { runInTransaction, type Database, type Executor } from '@kenshu/db';
import { currentFiscalYear } from '@kenshu/domain';
import type { SignedInClient } from './auth.ts';
import { okBody, typedApi } from './typed-api.ts';

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

/**
 * The course's e-learning as an admin sets it up: a one-section module without a quiz, published,
 * and the "absent" rule (only that one) assigning it for fiscal year 2026, due in 30 days.
 * Answers the module.
 */
export async function eLearningForAbsentees(app: AppType, admin: SignedInClient, courseId: number) {
  const eLearning = typedApi(app, admin)['e-learning'];
  const module = await okBody(
    eLearning.modules.$post({
      json: {
        courseId,
        titleJa: '情報管理',
        titleEn: 'Information management',
        passMark: 80,
        attemptLimit: null,
        completionRule: 'all_sections_viewed',
        sections: [{ titleJa: '第1節', titleEn: 'Section 1', bodyJa: '本文', bodyEn: 'Body' }],
        questions: [],
      },
    }),
    201,
  );
  await okBody(eLearning.modules[':id'].publish.$post({ param: { id: String(module.id) } }), 200);
  const rule = (enabled: boolean) => ({ enabled, dueDays: 30 });
  await okBody(
    eLearning.courses[':id']['assignment-settings'].$put({
      param: { id: String(courseId) },
      json: {
        fiscalYear: 2026,
        windowClosesOn: null,
        rules: { absent: rule(true), window_closed: rule(false), no_group_access: rule(false) },
      },
    }),
    200,
  );
  return module;
}

/** Where this person's e-learning assignment for the course stands (e.g. completed). */
export async function assignmentStatus(db: Executor, staffId: number, courseId: number) {
  const assignment = await db
    .selectFrom('assignment')
    .select('status')
    .where('staff_id', '=', staffId)
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();
  return assignment.status;
}
