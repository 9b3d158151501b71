import type { TeamFilter, TeamStatus } from '@kenshu/contracts';
import { courseStatusOfPeople, findOrgUnitById } from '@kenshu/db';
import {
  canSeeUnit,
  currentFiscalYear,
  forbidden,
  isAdmin,
  notFound,
  tokyoDateOf,
  type Viewer,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { toCsv } from '../../lib/csv.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { requiredAudienceOf } from '../courses/audience.ts';
import { courseAskedFor } from '../courses/course-asked-for.ts';
import { courseRef } from '../courses/course-ref.ts';

export async function subtreesFor(
  ctx: ServiceContext,
  viewer: Viewer,
  orgUnitId: number | undefined,
) {
  if (orgUnitId === undefined) return isAdmin(viewer) ? undefined : viewer.oversightPaths;
  const unit = await findOrgUnitById(ctx.db, orgUnitId);
  if (!unit) throw notFound('org unit');
  if (!canSeeUnit(viewer, unit.path))
    throw forbidden('This unit is outside the part of the organisation you oversee');
  return [unit.path];
}

/** Most people one filter reaches at once (CSV, reminders): the whole ministry fits. */
export const ALL_MATCHING = 200_000;

/**
 * Everyone matching the team filters the viewer may see, a page of them, and the count per
 * status: the one query behind the list, its CSV and "remind everyone matching".
 */
export async function peopleMatching(
  ctx: ServiceContext,
  filter: TeamFilter,
  page: { limit: number; offset: number },
) {
  const viewer = requireViewer(ctx);
  const course = await courseAskedFor(ctx.db, filter.courseId);
  const fiscalYear = filter.fiscalYear ?? currentFiscalYear(ctx.now);
  const audience = await requiredAudienceOf(ctx.db, course);
  const found = await courseStatusOfPeople(ctx.db, {
    courseId: course.id,
    fiscalYear,
    now: ctx.now,
    today: tokyoDateOf(ctx.now),
    audience,
    subtreePaths: await subtreesFor(ctx, viewer, filter.orgUnitId),
    search: filter.q || undefined,
    role: filter.role,
    employmentType: filter.employmentType,
    status: filter.status,
    limit: page.limit,
    offset: page.offset,
  });
  return { course, fiscalYear, ...found };
}

/**
 * Where everyone a section head, unit officer or admin oversees stands on one course in a fiscal
 * year, with counts per status: the list they chase the unfinished from. Admins see the whole
 * ministry; the others only their own part of it.
 */
export async function teamStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TeamFilter & { limit: number; offset: number };
}): Promise<TeamStatus> {
  const { course, fiscalYear, rows, total, byStatus } = await peopleMatching(ctx, input, input);
  const n = (k: keyof typeof byStatus) => byStatus[k] ?? 0;
  return {
    course: courseRef(course),
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
      score: r.score,
    })),
    total,
  };
}

/** Everyone matching the team filters, as CSV: the same people and statuses as the list. */
export async function exportTeamStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TeamFilter;
}): Promise<{ csv: string; courseCode: string; fiscalYear: number }> {
  const { course, fiscalYear, rows } = await peopleMatching(ctx, input, {
    limit: ALL_MATCHING,
    offset: 0,
  });
  const csv = toCsv(
    [
      'fiscal_year',
      'course_code',
      'staff_number',
      'name',
      'name_kana',
      'email',
      'unit_ja',
      'unit_en',
      'employment_type',
      'status',
      'score',
    ],
    rows.map((r) => [
      fiscalYear,
      course.code,
      r.staff_number,
      `${r.family_name} ${r.given_name}`,
      `${r.family_name_kana} ${r.given_name_kana}`,
      r.email,
      r.unit_name_ja,
      r.unit_name_en,
      r.employment_type,
      r.status,
      r.score,
    ]),
  );
  return { csv, courseCode: course.code, fiscalYear };
}
