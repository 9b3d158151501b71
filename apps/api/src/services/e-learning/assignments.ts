import type { Assignment as AssignmentView } from '@kenshu/contracts';
import {
  assignableModuleOf,
  assignmentRulesOf,
  completionsOf,
  findCourseById,
  findOrgUnitById,
  findStaffById,
  insertAssignment,
  lockAssignment,
  searchAssignments,
  withdrawAssignment as withdrawAssignmentRow,
  type Assignment,
  type AssignmentStatus,
  type Course,
  type Executor,
  type OrgUnit,
  type Staff,
} from '@kenshu/db';
import {
  AppError,
  assignmentDueOn,
  conflict,
  currentFiscalYear,
  DEFAULT_DUE_DAYS,
  fiscalYearRange,
  isOverdue,
  notFound,
  tokyoDateOf,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { auditedChange } from '../audit/audited-change.ts';
import { courseFacts, personFacts } from '../messages/facts.ts';
import { sendMessages } from '../messages/send.ts';
import { requireAdmin } from '../../lib/service-context.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins manage assignments';

/** The module a course hands out, or a clear refusal when it has no e-learning to give. */
export async function eLearningModuleOf(db: Executor, course: Course): Promise<number> {
  const moduleId =
    course.completion_modes === 'group_session'
      ? undefined
      : await assignableModuleOf(db, course.id);
  if (moduleId === undefined) {
    throw new AppError(
      'E_LEARNING_NOT_OFFERED',
      'This course has no published e-learning module that counts as its completion',
      { courseId: course.id },
    );
  }
  return moduleId;
}

/** How admins see an assignment, with the person it is for and their unit. */
function toView(
  a: Assignment,
  staff: Pick<Staff, 'staff_number' | 'family_name' | 'given_name'>,
  unit: Pick<OrgUnit, 'id' | 'name_ja' | 'name_en'>,
  today: string,
): AssignmentView {
  return {
    id: a.id,
    staff: {
      id: a.staff_id,
      staffNumber: staff.staff_number,
      name: `${staff.family_name} ${staff.given_name}`,
      unit: { id: unit.id, nameJa: unit.name_ja, nameEn: unit.name_en },
    },
    courseId: a.course_id,
    moduleId: a.module_id,
    fiscalYear: a.fiscal_year,
    dueOn: a.due_on,
    overdue: isOverdue({ status: a.status, dueOn: a.due_on }, today),
    status: a.status,
    source: a.source,
    reason: a.reason,
    createdAt: a.created_at.toISOString(),
    closedAt: a.closed_at?.toISOString() ?? null,
    withdrawReason: a.withdraw_reason,
  };
}

/** One assignment as admins see it, its person and unit read afresh (after a change). */
async function viewOf(db: Executor, a: Assignment, today: string): Promise<AssignmentView> {
  const staff = await findStaffById(db, a.staff_id);
  const unit = staff && (await findOrgUnitById(db, staff.org_unit_id));
  if (!staff || !unit) throw notFound('staff member');
  return toView(a, staff, unit, today);
}

/** A course's assignments for a year, by status, unit subtree and overdue-ness (admins). */
export async function listAssignments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    courseId: number;
    fiscalYear?: number | undefined;
    status?: AssignmentStatus | undefined;
    orgUnitId?: number | undefined;
    overdue?: 'true' | 'false' | undefined;
    limit: number;
    offset: number;
  };
}) {
  requireAdmin(ctx, ADMINS_ONLY);
  if (!(await findCourseById(ctx.db, input.courseId))) {
    throw notFound('course');
  }
  const unit =
    input.orgUnitId === undefined ? undefined : await findOrgUnitById(ctx.db, input.orgUnitId);
  if (input.orgUnitId !== undefined && !unit) throw notFound('org unit');
  const today = tokyoDateOf(ctx.now);
  const { rows, total } = await searchAssignments(ctx.db, {
    courseId: input.courseId,
    fiscalYear: input.fiscalYear ?? currentFiscalYear(ctx.now),
    status: input.status,
    unitPath: unit?.path,
    overdueOn: input.overdue === 'true' ? today : undefined,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    total,
    items: rows.map((r) =>
      toView(r, r, { id: r.unit_id, name_ja: r.unit_name_ja, name_en: r.unit_name_en }, today),
    ),
  };
}

/** Assigns a course's e-learning to one person by hand, with a reason; audited and notified. */
export async function createAssignment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    staffId: number;
    courseId: number;
    fiscalYear?: number | undefined;
    dueOn?: string | undefined;
    reason: string;
  };
}): Promise<AssignmentView> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  const fiscalYear = input.fiscalYear ?? currentFiscalYear(ctx.now);
  const today = tokyoDateOf(ctx.now);
  const { firstDay, lastDay } = fiscalYearRange(fiscalYear);
  if (input.dueOn !== undefined && (input.dueOn < firstDay || input.dueOn > lastDay)) {
    throw validation(`The due date must fall within the fiscal year (${firstDay} to ${lastDay})`);
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const staff = await findStaffById(trx, input.staffId);
    if (!staff) throw notFound('staff member');
    const course = await findCourseById(trx, input.courseId);
    if (!course) throw notFound('course');
    const moduleId = await eLearningModuleOf(trx, course);
    const completions = await completionsOf(trx, input.staffId, fiscalYear);
    if (completions.some((c) => c.course_id === course.id)) {
      throw new AppError(
        'ALREADY_COMPLETED',
        'This person has already completed the course this year',
      );
    }
    const rule = (await assignmentRulesOf(trx, course.id)).find((r) => r.rule === 'absent');
    const dueOn =
      input.dueOn ?? assignmentDueOn(today, rule?.due_days ?? DEFAULT_DUE_DAYS, fiscalYear);
    const created = await insertAssignment(trx, {
      staff_id: input.staffId,
      course_id: course.id,
      fiscal_year: fiscalYear,
      module_id: moduleId,
      due_on: dueOn,
      source: 'manual',
      reason: input.reason,
      created_by: viewer.staffId,
    });
    if (!created) {
      throw conflict('This person already has an open assignment for the course this year');
    }
    await sendMessages(trx, ctx, [
      {
        kind: 'e_learning.assigned',
        staffId: created.staff_id,
        reason: 'e_learning.assigned',
        period: `assignment:${created.id}`,
        facts: { course: courseFacts(course), dueOn, reason: input.reason },
      },
    ]);
    return {
      answer: await viewOf(trx, created, today),
      audit: {
        action: 'assignment.created',
        targetType: 'staff',
        targetId: input.staffId,
        after: {
          assignmentId: created.id,
          courseId: course.id,
          fiscalYear,
          dueOn,
          reason: input.reason,
        },
      },
    };
  });
}

/** Withdraws an open assignment, with a reason; audited. */
export async function withdrawAssignment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; reason: string };
}): Promise<AssignmentView> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return auditedChange(ctx, viewer, async (trx) => {
    const current = await lockAssignment(trx, input.id);
    if (!current) throw notFound('assignment');
    if (current.status !== 'open') {
      throw conflict(`The assignment is already ${current.status}`, { status: current.status });
    }
    const withdrawn = await withdrawAssignmentRow(trx, input.id, {
      by: viewer.staffId,
      reason: input.reason,
      at: ctx.now,
    });
    const course = await findCourseById(trx, current.course_id);
    if (course) {
      await sendMessages(trx, ctx, [
        {
          kind: 'e_learning.withdrawn',
          staffId: current.staff_id,
          reason: 'e_learning.withdrawn',
          period: `assignment:${current.id}`,
          facts: {
            course: courseFacts(course),
            actor: await personFacts(trx, viewer.staffId),
            reason: input.reason,
          },
        },
      ]);
    }
    return {
      answer: await viewOf(trx, withdrawn, tokyoDateOf(ctx.now)),
      audit: {
        action: 'assignment.withdrawn',
        targetType: 'staff',
        targetId: current.staff_id,
        before: { assignmentId: current.id, status: current.status },
        after: { assignmentId: current.id, status: 'withdrawn', reason: input.reason },
      },
    };
  });
}
