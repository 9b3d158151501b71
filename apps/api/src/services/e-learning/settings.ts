import type { AssignmentSettings } from '@kenshu/contracts';
import {
  assignableModuleOf,
  assignmentRulesOf,
  findCourseById,
  findCourseWindow,
  saveAssignmentRule,
  saveCourseWindow,
  type AssignmentRuleName,
  type Executor,
} from '@kenshu/db';
import {
  currentFiscalYear,
  DEFAULT_DUE_DAYS,
  fiscalYearRange,
  notFound,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';

const RULES: readonly AssignmentRuleName[] = ['absent', 'window_closed', 'no_group_access'];

type Rules = AssignmentSettings['rules'];

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins configure assignment rules';

async function settingsOf(
  db: Executor,
  courseId: number,
  fiscalYear: number,
): Promise<AssignmentSettings> {
  const course = await findCourseById(db, courseId);
  if (!course) throw notFound('course');
  const [stored, closesOn, moduleId] = await Promise.all([
    assignmentRulesOf(db, courseId),
    findCourseWindow(db, courseId, fiscalYear),
    assignableModuleOf(db, courseId),
  ]);
  const setting = (rule: AssignmentRuleName) => {
    const row = stored.find((r) => r.rule === rule);
    return { enabled: row?.enabled ?? false, dueDays: row?.due_days ?? DEFAULT_DUE_DAYS };
  };
  return {
    courseId,
    fiscalYear,
    eLearningOffered: course.completion_modes !== 'group_session' && moduleId !== undefined,
    windowClosesOn: closesOn ?? null,
    rules: {
      absent: setting('absent'),
      window_closed: setting('window_closed'),
      no_group_access: setting('no_group_access'),
    },
  };
}

export async function getAssignmentSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { courseId: number; fiscalYear?: number | undefined };
}): Promise<AssignmentSettings> {
  requireAdmin(ctx, ADMINS_ONLY);
  return settingsOf(ctx.db, input.courseId, input.fiscalYear ?? currentFiscalYear(ctx.now));
}

/** Switches a course's rules, sets their due periods and the year's window close date; audited. */
export async function saveAssignmentSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { courseId: number; fiscalYear: number; windowClosesOn: string | null; rules: Rules };
}): Promise<AssignmentSettings> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  const { firstDay, lastDay } = fiscalYearRange(input.fiscalYear);
  const closes = input.windowClosesOn;
  if (closes !== null && (closes < firstDay || closes > lastDay)) {
    throw validation(`The window must close within the fiscal year (${firstDay} to ${lastDay})`, {
      windowClosesOn: closes,
    });
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const before = await settingsOf(trx, input.courseId, input.fiscalYear);
    for (const rule of RULES) {
      const { enabled, dueDays } = input.rules[rule];
      await saveAssignmentRule(trx, input.courseId, { rule, enabled, due_days: dueDays }, ctx.now);
    }
    await saveCourseWindow(trx, input.courseId, input.fiscalYear, closes);
    const after = await settingsOf(trx, input.courseId, input.fiscalYear);
    return {
      answer: after,
      audit: {
        action: 'assignment_settings.saved',
        targetType: 'course',
        targetId: input.courseId,
        before,
        after,
      },
    };
  });
}
