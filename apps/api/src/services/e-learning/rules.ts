import {
  assignableModuleOf,
  assignmentRulesOf,
  assignListedStaff,
  assignRequiredWithoutCompletion,
  completeOpenAssignmentsFor,
  coursesWithRule,
  findCourseById,
  findCourseWindow,
  resolveAudience,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { assignmentDueOn, currentFiscalYear, tokyoDateOf } from '@kenshu/domain';
import { onTrainingEvent, type TrainingEvent } from '../training/events.ts';

/**
 * Rule 1: people who did not attend a group session (absent, no-shows, and the excused unless the
 * course says otherwise) get the course's e-learning, if the course offers it and the rule is on. A
 * finalised attendance sheet arrives as one batch, assigned in one statement per course and kind;
 * the open-assignment index makes a repeat harmless.
 */
async function assignOnAbsence(
  trx: Transaction<DB>,
  events: readonly TrainingEvent[],
  at: Date,
): Promise<void> {
  type Missed = Extract<TrainingEvent, { type: 'attendance.absent' | 'attendance.excused' }>;
  const groups = new Map<string, Missed[]>();
  for (const e of events) {
    if (e.type !== 'attendance.absent' && e.type !== 'attendance.excused') continue;
    const key = `${e.courseId}:${e.fiscalYear}:${e.type}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const course = await findCourseById(trx, first.courseId);
    if (!course || !course.active || course.completion_modes === 'group_session') continue;
    if (course.published_at === null) continue; // a draft requires no one, so assigns nothing
    const excused = first.type === 'attendance.excused';
    if (excused && !course.excused_get_e_learning) continue;
    const rule = (await assignmentRulesOf(trx, course.id)).find((r) => r.rule === 'absent');
    if (!rule?.enabled) continue;
    const moduleId = await assignableModuleOf(trx, course.id);
    if (moduleId === undefined) continue;
    await assignListedStaff(
      trx,
      group.map((e) => ({ staffId: e.staffId, sessionId: e.sessionId })),
      {
        courseId: course.id,
        fiscalYear: first.fiscalYear,
        moduleId,
        dueOn: assignmentDueOn(tokyoDateOf(at), rule.due_days, first.fiscalYear),
        source: excused ? 'excused' : 'absent',
      },
    );
  }
}

/** Requirements met by any route (attendance, e-learning, credit) close their open assignments. */
async function closeOnCompletion(
  trx: Transaction<DB>,
  events: readonly TrainingEvent[],
  at: Date,
): Promise<void> {
  const completed = events.filter((e) => e.type === 'requirement.completed');
  await completeOpenAssignmentsFor(trx, completed, at);
}

/**
 * Subscribes the e-learning reactions to training events. createApp calls it; calling it again
 * changes nothing, since the same handler functions are subscribed at most once.
 */
export function registerELearningReactions(): void {
  onTrainingEvent(assignOnAbsence);
  onTrainingEvent(closeOnCompletion);
}

/**
 * Rule 2: once a course's group-session window has closed this fiscal year, everyone still
 * required without a completion gets the e-learning. Set-based, so it scales to the ministry.
 */
export async function assignAfterWindowCloses(trx: Transaction<DB>, now: Date): Promise<number> {
  const fiscalYear = currentFiscalYear(now);
  const today = tokyoDateOf(now);
  let changed = 0;
  for (const course of await coursesWithRule(trx, 'window_closed')) {
    if (course.completion_modes === 'group_session') continue;
    const closesOn = await findCourseWindow(trx, course.id, fiscalYear);
    if (!closesOn || today < closesOn) continue;
    const moduleId = await assignableModuleOf(trx, course.id);
    if (moduleId === undefined) continue;
    changed += await assignRequiredWithoutCompletion(trx, {
      courseId: course.id,
      audience: await resolveAudience(trx, course.audience),
      fiscalYear,
      moduleId,
      dueOn: assignmentDueOn(today, course.due_days, fiscalYear),
      source: 'window_closed',
      onlyWithoutGroupSessions: false,
    });
  }
  return changed;
}

/**
 * Rule 3: people in units without access to group sessions get the e-learning from the start
 * of the fiscal year (whenever the job first runs in it), without waiting to miss a session.
 */
export async function assignWithoutGroupAccess(trx: Transaction<DB>, now: Date): Promise<number> {
  const fiscalYear = currentFiscalYear(now);
  const today = tokyoDateOf(now);
  let changed = 0;
  for (const course of await coursesWithRule(trx, 'no_group_access')) {
    if (course.completion_modes === 'group_session') continue;
    const moduleId = await assignableModuleOf(trx, course.id);
    if (moduleId === undefined) continue;
    changed += await assignRequiredWithoutCompletion(trx, {
      courseId: course.id,
      audience: await resolveAudience(trx, course.audience),
      fiscalYear,
      moduleId,
      dueOn: assignmentDueOn(today, course.due_days, fiscalYear),
      source: 'no_group_access',
      onlyWithoutGroupSessions: true,
    });
  }
  return changed;
}
