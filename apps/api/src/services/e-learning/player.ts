import type {
  ModuleProgress as ModuleProgressView,
  MyELearning,
  PlayerModule,
} from '@kenshu/contracts';
import {
  findCourseById,
  findModule,
  findModuleProgress,
  findModuleVersionById,
  latestPublishedVersion,
  listPublishedModules,
  openAssignmentsOf,
  questionsOf,
  runInTransaction,
  sectionsOf,
  startModuleProgress,
  updateModuleProgress,
  type DB,
  type Executor,
  type Transaction,
} from '@kenshu/db';
import {
  AppError,
  currentFiscalYear,
  isOverdue,
  notFound,
  tokyoDateOf,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { courseRef } from '../courses/course-ref.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { completeIfDone, countsForRequirement, progressView } from './completion.ts';
import { scormPlayerOf } from './scorm-player.ts';

/**
 * The module a learner works on this fiscal year: the version they started (even if a newer one
 * is out since), otherwise the newest published one. Drafts are never shown to learners.
 */
async function resolveLearnerModule(
  db: Executor,
  staffId: number,
  moduleId: number,
  fiscalYear: number,
) {
  const module = await findModule(db, moduleId);
  if (!module) throw notFound('module');
  const progress = await findModuleProgress(db, staffId, moduleId, fiscalYear);
  const version = progress
    ? await findModuleVersionById(db, progress.module_version_id)
    : await latestPublishedVersion(db, moduleId);
  if (!version) {
    throw new AppError('MODULE_NOT_PUBLISHED', 'This module is not published yet', { moduleId });
  }
  const course = await findCourseById(db, module.course_id);
  if (!course) throw notFound('course');
  return { module, progress, version, course };
}

/** Starts (or finds) the learner's progress row and locks it; all writes go through here. */
async function lockLearnerModule(
  trx: Transaction<DB>,
  staffId: number,
  moduleId: number,
  fiscalYear: number,
) {
  const resolved = await resolveLearnerModule(trx, staffId, moduleId, fiscalYear);
  const progress = await startModuleProgress(trx, {
    staff_id: staffId,
    module_id: moduleId,
    fiscal_year: fiscalYear,
    module_version_id: resolved.version.id,
  });
  // Another device may have started a different version a moment ago: follow the stored one.
  const version =
    progress.module_version_id === resolved.version.id
      ? resolved.version
      : await findModuleVersionById(trx, progress.module_version_id);
  if (!version) throw notFound('module');
  return { ...resolved, progress, version };
}

/** The module a learner writes to, with their progress row locked, and whose and which year. */
export type LockedLearnerModule = Awaited<ReturnType<typeof lockLearnerModule>> & {
  staffId: number;
  fiscalYear: number;
};

/**
 * Runs a learner's write on a module (a viewed section, a quiz attempt, a SCORM commit) in one
 * transaction that first locks their progress row for this fiscal year, so the learner's devices
 * take turns.
 */
export async function inLockedLearnerModule<T>(
  ctx: ServiceContext,
  moduleId: number,
  work: (trx: Transaction<DB>, locked: LockedLearnerModule) => Promise<T>,
): Promise<T> {
  const viewer = requireViewer(ctx);
  const fiscalYear = currentFiscalYear(ctx.now);
  return runInTransaction(ctx.db, async (trx) => {
    const locked = await lockLearnerModule(trx, viewer.staffId, moduleId, fiscalYear);
    return work(trx, { ...locked, staffId: viewer.staffId, fiscalYear });
  });
}

export async function openModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<PlayerModule> {
  const viewer = requireViewer(ctx);
  const fiscalYear = currentFiscalYear(ctx.now);
  const { progress, version, course } = await resolveLearnerModule(
    ctx.db,
    viewer.staffId,
    input.id,
    fiscalYear,
  );
  const [sections, questions, counts, scorm] = await Promise.all([
    sectionsOf(ctx.db, version.id),
    questionsOf(ctx.db, version.id),
    countsForRequirement(ctx.db, viewer.staffId, course, fiscalYear),
    scormPlayerOf(ctx.db, version, progress),
  ]);
  return {
    moduleId: input.id,
    course: courseRef(course),
    version: version.version,
    fiscalYear,
    titleJa: version.title_ja,
    titleEn: version.title_en,
    videoUrl: version.video_url,
    completionRule: version.completion_rule,
    scorm,
    passMark: version.pass_mark,
    attemptLimit: version.attempt_limit,
    revealAnswers: version.reveal_answers,
    questionCount: questions.length,
    sections: sections.map((s) => ({
      id: s.id,
      titleJa: s.title_ja,
      titleEn: s.title_en,
      htmlJa: s.html_ja,
      htmlEn: s.html_en,
    })),
    progress: await progressView(ctx.db, {
      progress,
      sectionIds: sections.map((s) => s.id),
      countsForRequirement: counts,
    }),
  };
}

/** Marks a section viewed (or only moves the resume point), and completes the module if due. */
export async function saveProgress({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; sectionId: number; viewed: boolean };
}): Promise<ModuleProgressView> {
  return inLockedLearnerModule(ctx, input.id, async (trx, locked) => {
    const { progress, version, course, staffId, fiscalYear } = locked;
    const [sections, questions] = await Promise.all([
      sectionsOf(trx, version.id),
      questionsOf(trx, version.id),
    ]);
    const sectionIds = sections.map((s) => s.id);
    if (!sectionIds.includes(input.sectionId)) {
      throw validation(`Section ${input.sectionId} is not part of this module`, {
        sectionId: input.sectionId,
      });
    }
    const viewed = new Set(progress.viewed_section_ids);
    if (input.viewed) viewed.add(input.sectionId);
    const updated = await updateModuleProgress(trx, progress.id, {
      viewedSectionIds: [...viewed],
      lastSectionId: input.sectionId,
      at: ctx.now,
    });
    const after = await completeIfDone(trx, {
      progress: updated,
      version,
      course,
      sectionIds,
      questionCount: questions.length,
      at: ctx.now,
    });
    return progressView(trx, {
      progress: after,
      sectionIds,
      countsForRequirement: await countsForRequirement(trx, staffId, course, fiscalYear),
    });
  });
}

/** What is assigned to me, and every published module with how far I got this year. */
export async function myELearning({ ctx }: { ctx: ServiceContext }): Promise<MyELearning> {
  const viewer = requireViewer(ctx);
  const fiscalYear = currentFiscalYear(ctx.now);
  const today = tokyoDateOf(ctx.now);
  const [assignments, modules] = await Promise.all([
    openAssignmentsOf(ctx.db, viewer.staffId, fiscalYear),
    listPublishedModules(ctx.db),
  ]);
  const courseNamed = async (courseId: number) => {
    const c = await findCourseById(ctx.db, courseId);
    if (!c) throw notFound('course');
    return courseRef(c);
  };
  return {
    fiscalYear,
    assignments: await Promise.all(
      assignments.map(async (a) => ({
        id: a.id,
        course: await courseNamed(a.course_id),
        moduleId: a.module_id,
        fiscalYear: a.fiscal_year,
        dueOn: a.due_on,
        overdue: isOverdue({ status: a.status, dueOn: a.due_on }, today),
        source: a.source,
      })),
    ),
    modules: await Promise.all(
      modules.map(async (m) => {
        const progress = await findModuleProgress(ctx.db, viewer.staffId, m.module_id, fiscalYear);
        const version = progress
          ? await findModuleVersionById(ctx.db, progress.module_version_id)
          : undefined;
        const sections = await sectionsOf(ctx.db, version?.id ?? m.version_id);
        const view = await progressView(ctx.db, {
          progress,
          sectionIds: sections.map((s) => s.id),
          countsForRequirement: false,
        });
        return {
          moduleId: m.module_id,
          course: {
            id: m.course_id,
            code: m.course_code,
            titleJa: m.course_title_ja,
            titleEn: m.course_title_en,
          },
          titleJa: version?.title_ja ?? m.title_ja,
          titleEn: version?.title_en ?? m.title_en,
          version: version?.version ?? m.version,
          percent: view.percent,
          started: progress !== undefined,
          completed: view.completed,
        };
      }),
    ),
  };
}
