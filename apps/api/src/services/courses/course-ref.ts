import type { Course } from '@kenshu/db';

/** How an answer names a course it is about: id, code and title in both languages. */
export function courseRef(course: Pick<Course, 'id' | 'code' | 'title_ja' | 'title_en'>) {
  return { id: course.id, code: course.code, titleJa: course.title_ja, titleEn: course.title_en };
}
