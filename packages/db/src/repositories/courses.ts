import type { Executor } from '../connection.ts';
import type { Course, CourseTable } from '../schema.ts';
import type { Insertable, Updateable } from 'kysely';

export async function listCourses(
  db: Executor,
  opts: { includeInactive?: boolean } = {},
): Promise<Course[]> {
  let q = db.selectFrom('course').selectAll().orderBy('code');
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return q.execute();
}

export async function findCourseById(db: Executor, id: number): Promise<Course | undefined> {
  return db.selectFrom('course').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCourseByCode(db: Executor, code: string): Promise<Course | undefined> {
  return db.selectFrom('course').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCourse(db: Executor, row: Insertable<CourseTable>): Promise<Course> {
  return db.insertInto('course').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCourse(
  db: Executor,
  id: number,
  patch: Updateable<CourseTable>,
): Promise<Course> {
  return db
    .updateTable('course')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
