import { findCourseByCode, findCourseById, type Course, type Executor } from '@kenshu/db';
import { notFound } from '@kenshu/domain';

/** The course everyone must take: what reports and the team status show unless asked for another. */
const ALL_STAFF_COURSE = 'SEC-ALL';

/** The course asked for, or the one everyone must take when none was; not found (404) otherwise. */
export async function courseAskedFor(db: Executor, courseId: number | undefined): Promise<Course> {
  const course = courseId
    ? await findCourseById(db, courseId)
    : await findCourseByCode(db, ALL_STAFF_COURSE);
  if (!course) throw notFound('course');
  return course;
}
