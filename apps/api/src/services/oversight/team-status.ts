import type { TeamStatus } from '@kenshu/contracts';
import {
  courseStatusOfPeople,
  findCourseByCode,
  findCourseById,
  findOrgUnitById,
  insertAudit,
  runInTransaction,
  type Course,
  type PersonStatus,
} from '@kenshu/db';
import {
  canSeeUnit,
  currentFiscalYear,
  forbidden,
  isAdmin,
  notFound,
  tokyoDateOf,
  validation,
  type Viewer,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { requiredAudienceOf } from '../courses/audience.ts';
import { courseFacts, personFacts } from '../messages/facts.ts';
import { sendMessages } from '../messages/send.ts';

/** The course everyone must take: the default a section head looks at. */
const ALL_STAFF_COURSE = 'SEC-ALL';

async function courseFor(ctx: ServiceContext, courseId: number | undefined): Promise<Course> {
  const course = courseId
    ? await findCourseById(ctx.db, courseId)
    : await findCourseByCode(ctx.db, ALL_STAFF_COURSE);
  if (!course) throw notFound('course');
  return course;
}

async function subtreesFor(ctx: ServiceContext, viewer: Viewer, orgUnitId: number | undefined) {
  if (orgUnitId === undefined) return isAdmin(viewer) ? undefined : viewer.oversightPaths;
  const unit = await findOrgUnitById(ctx.db, orgUnitId);
  if (!unit) throw notFound('org unit');
  if (!canSeeUnit(viewer, unit.path))
    throw forbidden('This unit is outside the part of the organisation you oversee');
  return [unit.path];
}

/**
 * Where everyone a section head, unit officer or admin oversees stands on one course this
 * fiscal year, with counts per status: the list they chase the unfinished from.
 */
export async function teamStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    courseId?: number | undefined;
    fiscalYear?: number | undefined;
    orgUnitId?: number | undefined;
    status?: PersonStatus | 'not_completed' | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  };
}): Promise<TeamStatus> {
  const viewer = requireViewer(ctx);
  const course = await courseFor(ctx, input.courseId);
  const fiscalYear = input.fiscalYear ?? currentFiscalYear(ctx.now);
  const audience = await requiredAudienceOf(ctx.db, course);
  const { rows, total, byStatus } = await courseStatusOfPeople(ctx.db, {
    courseId: course.id,
    fiscalYear,
    now: ctx.now,
    today: tokyoDateOf(ctx.now),
    audience,
    subtreePaths: await subtreesFor(ctx, viewer, input.orgUnitId),
    search: input.q || undefined,
    status: input.status,
    limit: input.limit,
    offset: input.offset,
  });
  const n = (k: keyof typeof byStatus) => byStatus[k] ?? 0;
  return {
    course: {
      id: course.id,
      code: course.code,
      titleJa: course.title_ja,
      titleEn: course.title_en,
    },
    fiscalYear,
    counts: {
      required: Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0),
      completed: n('completed'),
      booked: n('booked'),
      awaitingRoster: n('awaiting_roster'),
      eLearningOverdue: n('e_learning_overdue'),
      eLearningInProgress: n('e_learning_in_progress'),
      eLearningAssigned: n('e_learning_assigned'),
      waiting: n('waiting'),
      notStarted: n('not_started'),
    },
    items: rows.map((r) => ({
      staffId: r.id,
      staffNumber: r.staff_number,
      name: `${r.family_name} ${r.given_name}`,
      nameKana: `${r.family_name_kana} ${r.given_name_kana}`,
      email: r.email,
      unit: { id: r.unit_id, nameJa: r.unit_name_ja, nameEn: r.unit_name_en },
      status: r.status,
    })),
    total,
  };
}

/**
 * Sends an in-app reminder to people the viewer oversees who have not completed the course;
 * anyone outside their oversight or already done is skipped. One audit row for the batch.
 * Only the current fiscal year can be chased: a past year's list is for reading, not reminding.
 */
export async function sendReminders({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    courseId: number;
    staffIds: number[];
    message?: string | undefined;
    fiscalYear?: number | undefined;
  };
}): Promise<{ reminded: number; skipped: number }> {
  const viewer = requireViewer(ctx);
  const fiscalYear = currentFiscalYear(ctx.now);
  if (input.fiscalYear !== undefined && input.fiscalYear !== fiscalYear) {
    throw validation('Reminders can only be sent for the current fiscal year', {
      fiscalYear: input.fiscalYear,
      currentFiscalYear: fiscalYear,
    });
  }
  const course = await courseFor(ctx, input.courseId);
  const audience = await requiredAudienceOf(ctx.db, course);
  const wanted = new Set(input.staffIds);
  // The same query as the status list, so "who may be reminded" cannot drift from what is shown.
  const { rows } = await courseStatusOfPeople(ctx.db, {
    courseId: course.id,
    fiscalYear,
    now: ctx.now,
    today: tokyoDateOf(ctx.now),
    audience,
    subtreePaths: isAdmin(viewer) ? undefined : viewer.oversightPaths,
    status: 'not_completed',
    limit: 100_000,
    offset: 0,
  });
  const targets = rows.filter((r) => wanted.has(r.id)).map((r) => r.id);
  await runInTransaction(ctx.db, async (trx) => {
    const sender = await personFacts(trx, viewer.staffId);
    await sendMessages(
      trx,
      ctx,
      targets.map((staffId) => ({
        kind: 'training.reminder',
        staffId,
        // One reminder per person, course and day, however often the button is pressed.
        reason: `training.reminder:course:${course.id}`,
        period: tokyoDateOf(ctx.now),
        facts: {
          course: courseFacts(course),
          fiscalYear,
          sender,
          message: input.message ?? null,
        },
      })),
    );
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'reminders.sent',
      targetType: 'course',
      targetId: course.id,
      after: { fiscalYear, staffIds: targets, message: input.message ?? null },
      requestId: ctx.requestId,
    });
  });
  return { reminded: targets.length, skipped: wanted.size - targets.length };
}
