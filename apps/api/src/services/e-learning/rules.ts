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
  return assignByRule(trx, now, 'window_closed', async (courseId, fiscalYear, today) => {
    const closesOn = await findCourseWindow(trx, courseId, fiscalYear);
    if (!closesOn) return false;
    return today >= closesOn;
  });
}

/**
 * Rule 3: people in units without access to group sessions get the e-learning from the start
 * of the fiscal year (whenever the job first runs in it), without waiting to miss a session.
 */
export async function assignWithoutGroupAccess(trx: Transaction<DB>, now: Date): Promise<number> {
  return assignByRule(trx, now, 'no_group_access', async () => true);
}

/**
 * A set-based rule's run: for each course that has the rule switched on, offers e-learning and is
 * `due` now, everyone still required without a completion gets its module this fiscal year. The
 * "no group access" rule reaches only the people in units without group sessions.
 */
async function assignByRule(
  trx: Transaction<DB>,
  now: Date,
  rule: 'window_closed' | 'no_group_access',
  due: (courseId: number, fiscalYear: number, today: string) => Promise<boolean>,
): Promise<number> {
  const fiscalYear = currentFiscalYear(now);
  const today = tokyoDateOf(now);
  let changed = 0;
  for (const course of await coursesWithRule(trx, rule)) {
    if (course.completion_modes === 'group_session') continue;
    if (!(await due(course.id, fiscalYear, today))) continue;
    const moduleId = await assignableModuleOf(trx, course.id);
    if (moduleId === undefined) continue;
    changed += await assignRequiredWithoutCompletion(trx, {
      courseId: course.id,
      audience: await resolveAudience(trx, course.audience),
      fiscalYear,
      moduleId,
      dueOn: assignmentDueOn(today, course.due_days, fiscalYear),
      source: rule,
      onlyWithoutGroupSessions: rule === 'no_group_access',
    });
  }
  return changed;
}
