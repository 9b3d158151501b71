import type { ModuleProgress as ModuleProgressView } from '@kenshu/contracts';
import {
  attemptsOfProgress,
  findOpenAssignment,
  findScormRuntime,
  updateModuleProgress,
  type Course,
  type DB,
  type Executor,
  type ModuleProgress,
  type ModuleVersion,
  type Transaction,
} from '@kenshu/db';
import { isModuleCompleted, progressPercent } from '@kenshu/domain';
import { audienceMemberOf, isRequired } from '../courses/audience.ts';
import { recordCompletion } from '../training/completions.ts';

/**
 * Whether finishing the module meets this person's requirement for its course this year: the
 * course must accept e-learning, and they must be required to take it or have it assigned.
 * Anyone may study any published module; only these completions are recorded.
 */
export async function countsForRequirement(
  db: Executor,
  staffId: number,
  course: Course,
  fiscalYear: number,
): Promise<boolean> {
  if (!course.active || course.completion_modes === 'group_session') return false;
  if (await findOpenAssignment(db, staffId, course.id, fiscalYear)) return true;
  const member = await audienceMemberOf(db, staffId);
  return member !== undefined && (await isRequired(db, course, member));
}

/** Where a learner stands on a version: sections viewed, quiz attempts, completion. */
export async function progressView(
  db: Executor,
  input: {
    progress: ModuleProgress | undefined;
    sectionIds: readonly number[];
    countsForRequirement: boolean;
  },
): Promise<ModuleProgressView> {
  const { progress, sectionIds } = input;
  const attempts = progress ? await attemptsOfProgress(db, progress.id) : [];
  const submitted = attempts.filter((a) => a.submitted_at !== null);
  // A SCORM package's score is its runtime's; a quiz's the best of its attempts.
  const runtime = progress ? await findScormRuntime(db, progress.id) : undefined;
  const scores = submitted.flatMap((a) => (a.score === null ? [] : [a.score]));
  if (runtime?.score != null) scores.push(runtime.score);
  const viewed = (progress?.viewed_section_ids ?? []).filter((id) => sectionIds.includes(id));
  return {
    viewedSectionIds: viewed,
    lastSectionId: progress?.last_section_id ?? null,
    percent: progressPercent({ sectionIds, viewedSectionIds: viewed }),
    quizPassed: submitted.some((a) => a.passed === true),
    bestScore: scores.length ? Math.max(...scores) : null,
    attemptsUsed: submitted.length,
    openAttemptId: attempts.find((a) => a.submitted_at === null)?.id ?? null,
    completed: progress?.completed_at != null,
    completedAt: progress?.completed_at?.toISOString() ?? null,
    countsForRequirement: input.countsForRequirement,
  };
}

/**
 * Completes the module when its rule is met, and then records the course completion (the one
 * way: recordCompletion) naming the version used, e.g. `module:3:v2`. Safe to call repeatedly.
 * A SCORM version completes from its runtime's status instead (scorm-runtime.ts).
 */
export async function completeIfDone(
  trx: Transaction<DB>,
  input: {
    progress: ModuleProgress;
    version: ModuleVersion;
    course: Course;
    sectionIds: readonly number[];
    questionCount: number;
    at: Date;
  },
): Promise<ModuleProgress> {
  const { progress, version } = input;
  if (progress.completed_at || version.completion_rule === 'scorm') return progress;
  const attempts = await attemptsOfProgress(trx, progress.id);
  const done = isModuleCompleted(version.completion_rule, {
    sectionIds: input.sectionIds,
    viewedSectionIds: progress.viewed_section_ids,
    hasQuiz: input.questionCount > 0,
    quizPassed: attempts.some((a) => a.passed === true),
  });
  if (!done) return progress;
  return markModuleCompleted(trx, { ...input, progress });
}

/**
 * Marks the learner's progress completed and, when it counts for their requirement, records the
 * course completion through recordCompletion, which also closes an open assignment.
 */
export async function markModuleCompleted(
  trx: Transaction<DB>,
  input: { progress: ModuleProgress; version: ModuleVersion; course: Course; at: Date },
): Promise<ModuleProgress> {
  const { progress, version, course } = input;
  if (progress.completed_at) return progress;
  const completed = await updateModuleProgress(trx, progress.id, {
    completedAt: input.at,
    at: input.at,
  });
  if (await countsForRequirement(trx, progress.staff_id, course, progress.fiscal_year)) {
    await recordCompletion(
      trx,
      {
        staffId: progress.staff_id,
        courseId: course.id,
        fiscalYear: progress.fiscal_year,
        kind: 'e_learning',
        sourceRef: `module:${version.module_id}:v${version.version}`,
        recordedBy: progress.staff_id,
      },
      input.at,
    );
  }
  return completed;
}
