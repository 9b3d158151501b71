import type { YearOverYear } from '@kenshu/contracts';
import { readForReport, yearTotals } from '@kenshu/db';
import { NO_COUNTS, ROLE_GROUP_ORDER, addCounts, type Counts } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { coverage, populationOf, type ReportInput } from './annual.ts';
import { basisName, reportSubject, yearView } from './scope.ts';
import { courseRef } from '../courses/course-ref.ts';

/** How many fiscal years the year-over-year table shows (the report's 表3 compares five). */
export const HISTORY_YEARS = 5;

/**
 * The chosen fiscal year and the four before it, side by side, per report group. Closed years
 * count people where their recorded membership put them on 31 March, so a later staff import
 * leaves those years as they were.
 */
export async function yearOverYear({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReportInput;
}): Promise<YearOverYear> {
  const viewer = requireViewer(ctx);
  const last = yearView(input.fiscalYear, ctx.now);
  const views = Array.from({ length: HISTORY_YEARS }, (_, i) => last.fiscalYear - i)
    .filter((fy) => fy >= 2000)
    .reverse()
    .map((fy) => yearView(fy, ctx.now));
  return readForReport(ctx.db, async (db) => {
    const { course, scope } = await reportSubject(db, viewer, input);
    const queries = await Promise.all(views.map((v) => populationOf(db, course, v, scope)));
    const rows = await yearTotals(db, queries);
    return {
      course: courseRef(course),
      scope: scope.ref,
      years: views.map((v) => {
        const mine = rows.filter((r) => r.fiscal_year === v.fiscalYear);
        const group = (g: string): Counts => {
          const r = mine.find((m) => m.role_group === g);
          return r ? { required: r.required, completed: r.completed } : NO_COUNTS;
        };
        return {
          fiscalYear: v.fiscalYear,
          asOf: v.asOf,
          closed: v.closed,
          basis: basisName(v),
          overall: coverage(mine.reduce<Counts>((a, r) => addCounts(a, r), NO_COUNTS)),
          roleGroups: ROLE_GROUP_ORDER.map((g) => ({ group: g, counts: coverage(group(g)) })),
        };
      }),
    };
  });
}
