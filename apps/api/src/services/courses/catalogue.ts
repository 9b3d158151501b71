import type { Course as CourseContract, CourseInput } from '@kenshu/contracts';
import {
  type Course,
  findCourseByCode,
  findCourseById,
  insertAudit,
  insertCourse,
  listCourses as listCourseRows,
  publishCourse as publishCourseRow,
  runInTransaction,
  updateCourse as updateCourseRow,
} from '@kenshu/db';
import { conflict, isAdmin, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

export function toCourse(c: Course): CourseContract {
  return {
    id: c.id,
    code: c.code,
    titleJa: c.title_ja,
    titleEn: c.title_en,
    descriptionJa: c.description_ja,
    descriptionEn: c.description_en,
    audience: c.audience,
    completionModes: c.completion_modes,
    recurrence: c.recurrence,
    active: c.active,
    excusedGetELearning: c.excused_get_e_learning,
    publishedAt: c.published_at?.toISOString() ?? null,
  };
}

export async function listCourses({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { includeInactive: boolean };
}) {
  const viewer = requireViewer(ctx);
  const rows = await listCourseRows(ctx.db, input);
  // Drafts are the training office's work in progress: nobody else sees them.
  return (isAdmin(viewer) ? rows : rows.filter((c) => c.published_at !== null)).map(toCourse);
}

/** One course of the catalogue; a draft answers like no course at all to all but admins. */
export async function getCourse({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const viewer = requireViewer(ctx);
  const course = await findCourseById(ctx.db, input.id);
  if (!course || (course.published_at === null && !isAdmin(viewer))) throw notFound('course');
  return toCourse(course);
}

function toRow(input: CourseInput) {
  return {
    code: input.code,
    title_ja: input.titleJa,
    title_en: input.titleEn,
    description_ja: input.descriptionJa,
    description_en: input.descriptionEn,
    audience: JSON.stringify(input.audience),
    completion_modes: input.completionModes,
    active: input.active,
    excused_get_e_learning: input.excusedGetELearning,
  };
}

/** Creates a course (admins) as a draft, which requires nobody until it is published; audited. */
export async function createCourse({ ctx, input }: { ctx: ServiceContext; input: CourseInput }) {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    if (await findCourseByCode(trx, input.code))
      throw conflict('A course with this code exists', { field: 'code' });
    const course = await insertCourse(trx, { ...toRow(input), published_at: null });
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'course.created',
      targetType: 'course',
      targetId: course.id,
      after: input,
      requestId: ctx.requestId,
    });
    return toCourse(course);
  });
}

/** Changes a course (admins), audited with before and after. */
export async function updateCourse({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CourseInput & { id: number };
}) {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const before = await findCourseById(trx, input.id);
    if (!before) throw notFound('course');
    const clash = await findCourseByCode(trx, input.code);
    if (clash && clash.id !== input.id)
      throw conflict('A course with this code exists', { field: 'code' });
    const { id, ...fields } = input;
    const course = await updateCourseRow(trx, id, toRow(fields));
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'course.updated',
      targetType: 'course',
      targetId: course.id,
      before: toCourse(before),
      after: toCourse(course),
      requestId: ctx.requestId,
    });
    return toCourse(course);
  });
}

/**
 * Publishes a draft course (admins), audited: from now on it is required of its audience (My
 * training, the team page, reports, reminders and the nightly e-learning assignment).
 */
export async function publishCourse({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const before = await findCourseById(trx, input.id);
    if (!before) throw notFound('course');
    const course = await publishCourseRow(trx, input.id, ctx.now);
    if (!course) throw conflict('This course is already published');
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'course.published',
      targetType: 'course',
      targetId: course.id,
      before: { publishedAt: null },
      after: { publishedAt: course.published_at, code: course.code },
      requestId: ctx.requestId,
    });
    return toCourse(course);
  });
}
