import type { Executor } from '../connection.ts';
import type { Course, CourseTable } from '../schema.ts';
import type { Insertable, Updateable } from 'kysely';

export async function listCourses(
  db: Executor,
  opts: { includeInactive?: boolean } = {},
): Promise<Course[]> {
  let q = db.selectFrom('course').selectAll().orderBy('code');
  // Without includeInactive: the courses that require someone (active and published).
  if (!opts.includeInactive) q = q.where('active', '=', true).where('published_at', 'is not', null);
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

/** Publishes a draft course; undefined when it is not a draft (already published, or absent). */
export async function publishCourse(
  db: Executor,
  id: number,
  at: Date,
): Promise<Course | undefined> {
  return db
    .updateTable('course')
    .set({ published_at: at, updated_at: at })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
