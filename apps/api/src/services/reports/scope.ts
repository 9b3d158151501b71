import type { AnnualReport } from '@kenshu/contracts';
import { findOrgUnitById, unitsAtPaths, type Course, type Executor } from '@kenshu/db';
import {
  AppError,
  canSeeUnit,
  currentFiscalYear,
  fiscalYearRange,
  forbidden,
  isAdmin,
  notFound,
  tokyoDateOf,
  type Viewer,
} from '@kenshu/domain';
import type { ReportBasis } from '@kenshu/db';
import { courseAskedFor } from '../courses/course-asked-for.ts';

/** Where a report looks: subtree paths (undefined for the ministry) and how to name it. */
export interface Scope {
  paths: readonly string[] | undefined;
  ref: AnnualReport['scope'];
}

const MINISTRY_NAME = { nameJa: '全省', nameEn: 'Whole ministry' };

/**
 * What a report is about: its course (the one everyone must take unless another is asked for)
 * and the part of the organisation it looks at, which the viewer must oversee.
 */
export async function reportSubject(
  db: Executor,
  viewer: Viewer,
  input: { courseId?: number | undefined; orgUnitId?: number | undefined },
): Promise<{ course: Course; scope: Scope }> {
  const course = await courseAskedFor(db, input.courseId);
  return { course, scope: await reportScope(db, viewer, input.orgUnitId) };
}

/**
 * The part of the organisation a report covers: the unit asked for, if the viewer may see it;
 * otherwise all they may see (the ministry for admins, their bureau for a unit security officer,
 * their unit for a section head).
 */
export async function reportScope(
  db: Executor,
  viewer: Viewer,
  orgUnitId: number | undefined,
): Promise<Scope> {
  if (orgUnitId !== undefined) {
    const unit = await findOrgUnitById(db, orgUnitId);
    if (!unit) throw notFound('org unit');
    if (!canSeeUnit(viewer, unit.path)) {
      throw forbidden('This unit is outside the part of the organisation you oversee');
    }
    return {
      paths: [unit.path],
      ref: { orgUnitId: unit.id, nameJa: unit.name_ja, nameEn: unit.name_en },
    };
  }
  if (isAdmin(viewer)) return { paths: undefined, ref: { orgUnitId: null, ...MINISTRY_NAME } };
  if (viewer.oversightPaths.length === 0) {
    throw new AppError('FORBIDDEN', 'You oversee no part of the organisation');
  }
  const units = await unitsAtPaths(db, viewer.oversightPaths);
  const first = units[0];
  return {
    paths: viewer.oversightPaths,
    ref: {
      orgUnitId: units.length === 1 && first ? first.id : null,
      nameJa: units.map((u) => u.name_ja).join('・'),
      nameEn: units.map((u) => u.name_en).join(', '),
    },
  };
}

/** Which day a fiscal year's figures describe, and whom they count. */
export interface YearView {
  fiscalYear: number;
  asOf: string;
  closed: boolean;
  basis: ReportBasis;
}

/**
 * A closed year is counted as it stood on its last day (31 March), by recorded membership; the
 * year under way as it stands today, from the same rows the team page reads. A year that has not
 * begun has no figures: it is not found.
 */
export function yearView(fiscalYear: number | undefined, now: Date): YearView {
  const current = currentFiscalYear(now);
  const fy = fiscalYear ?? current;
  if (fy > current) {
    throw notFound('fiscal year');
  }
  if (fy === current) {
    return { fiscalYear: fy, asOf: tokyoDateOf(now), closed: false, basis: { kind: 'current' } };
  }
  const { lastDay } = fiscalYearRange(fy);
  return { fiscalYear: fy, asOf: lastDay, closed: true, basis: { kind: 'as_of', date: lastDay } };
}

export function basisName(view: YearView): 'current_staff' | 'membership_on_day' {
  return view.basis.kind === 'current' ? 'current_staff' : 'membership_on_day';
}
