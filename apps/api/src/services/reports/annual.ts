import type { AnnualReport, Coverage } from '@kenshu/contracts';
import {
  annualAggregate,
  attainmentThresholds,
  courseTotals,
  hasHistoryOn,
  listCourses,
  readForReport,
  unitsWithin,
  type Course,
  type Executor,
  type PopulationQuery,
} from '@kenshu/db';
import {
  attainmentOf,
  coverageOf,
  EMPLOYMENT_TYPES,
  NO_COUNTS,
  reportWeeks,
  ROLE_GROUP_ORDER,
  rollUp,
  weeklyProgress,
  type Counts,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { requiredAudienceOf } from '../courses/audience.ts';
import { basisName, reportSubject, yearView, type Scope, type YearView } from './scope.ts';
import { courseRef } from '../courses/course-ref.ts';

export function coverage(c: Counts): Coverage {
  return { required: c.required, completed: c.completed, coverage: coverageOf(c) };
}

const METHODS = ['group_session', 'e_learning', 'admin_credit'] as const;

/** The population query of one course for a year and scope. */
export async function populationOf(
  db: Executor,
  course: Course,
  view: YearView,
  scope: Scope,
): Promise<PopulationQuery> {
  return {
    courseId: course.id,
    fiscalYear: view.fiscalYear,
    audience: await requiredAudienceOf(db, course),
    basis: view.basis,
    subtreePaths: scope.paths,
  };
}

export interface ReportInput {
  fiscalYear?: number | undefined;
  courseId?: number | undefined;
  orgUnitId?: number | undefined;
}

/**
 * A fiscal year's figures for one course within the viewer's scope, all read in one snapshot
 * with a fixed number of statements whatever the size of the organisation.
 */
export async function annualReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReportInput;
}): Promise<AnnualReport> {
  const viewer = requireViewer(ctx);
  const view = yearView(input.fiscalYear, ctx.now);
  return readForReport(ctx.db, async (db) => {
    const { course, scope } = await reportSubject(db, viewer, input);
    const others = (await listCourses(db)).filter((c) => c.id !== course.id);
    const courses = [course, ...others];
    const queries = await Promise.all(courses.map((c) => populationOf(db, c, view, scope)));
    const [query] = queries;
    if (!query) throw new Error('a report has at least its own course');
    const [thresholds, units, rows, totals] = await Promise.all([
      attainmentThresholds(db),
      unitsWithin(db, scope.paths),
      annualAggregate(db, query),
      // The chosen course's totals are the aggregate's own: counting its population again
      // would double the report's work at ministry size.
      courseTotals(db, queries.slice(1)),
    ]);

    const own = new Map<number, Counts>();
    const byGroup = new Map<string, Counts>();
    const byType = new Map<string, Counts>();
    const byMethod = new Map<string, number>();
    const perDay: { day: string; completions: number }[] = [];
    for (const r of rows) {
      const counts = { required: r.required, completed: r.completed };
      if (r.by === 'unit' && r.unit_id !== null) own.set(r.unit_id, counts);
      else if (r.by === 'role_group' && r.role_group) byGroup.set(r.role_group, counts);
      else if (r.by === 'employment_type' && r.employment_type)
        byType.set(r.employment_type, counts);
      else if (r.by === 'method' && r.method) byMethod.set(r.method, r.completed);
      else if (r.by === 'day' && r.completed_on) {
        perDay.push({ day: r.completed_on, completions: r.completed });
      }
    }
    const links = units.map((u) => ({ id: u.id, parentId: u.parent_id, depth: u.depth }));
    const subtree = rollUp(links, own);
    const overall = [...own.values()].reduce(
      (a, c) => ({ required: a.required + c.required, completed: a.completed + c.completed }),
      NO_COUNTS,
    );
    const courseCounts = courses.map((c) => ({
      ...courseRef(c),
      counts: c.id === course.id ? overall : (totals.get(c.id) ?? NO_COUNTS),
    }));
    const note =
      overall.required > 0
        ? null
        : view.closed && !(await hasHistoryOn(db, view.asOf))
          ? ('no_history' as const)
          : ('nobody_required' as const);
    return {
      fiscalYear: view.fiscalYear,
      course: courseRef(course),
      scope: scope.ref,
      asOf: view.asOf,
      closed: view.closed,
      basis: basisName(view),
      note,
      overall: coverage(overall),
      courses: courseCounts.map((c) => ({ ...c, counts: coverage(c.counts) })),
      units: units
        .filter((u) => (subtree.get(u.id)?.required ?? 0) > 0)
        .map((u) => ({
          id: u.id,
          parentId: u.parent_id,
          kind: u.kind,
          code: u.code,
          nameJa: u.name_ja,
          nameEn: u.name_en,
          depth: u.depth,
          own: coverage(own.get(u.id) ?? NO_COUNTS),
          subtree: coverage(subtree.get(u.id) ?? NO_COUNTS),
        })),
      roleGroups: ROLE_GROUP_ORDER.map((group) => ({
        group,
        counts: coverage(byGroup.get(group) ?? NO_COUNTS),
      })),
      employmentTypes: EMPLOYMENT_TYPES.map((type) => ({
        type,
        counts: coverage(byType.get(type) ?? NO_COUNTS),
      })),
      methods: METHODS.map((method) => ({ method, completed: byMethod.get(method) ?? 0 })),
      attainment: {
        thresholds,
        units: attainmentOf([...own.values()], thresholds),
        courses: attainmentOf(
          courseCounts.map((c) => c.counts),
          thresholds,
        ),
      },
      progress: {
        required: overall.required,
        weeks: weeklyProgress(reportWeeks(view.fiscalYear, view.asOf), perDay),
      },
    };
  });
}
