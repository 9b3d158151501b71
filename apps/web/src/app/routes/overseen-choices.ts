import { useCourses } from '../../features/courses/api/courses.ts';
import { useCurrentFiscalYear } from '../../features/fiscal-years/api/get-current-fiscal-year.ts';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { overseenUnits } from '../../features/team/utils/overseen-units.ts';
import { localName, useLanguage } from '../../lib/i18n.ts';
import { useViewer } from '../use-viewer.ts';

/** A choice in a filter: a course, or a unit indented by its depth below the top one offered. */
export interface CourseChoice {
  id: number;
  label: string;
}
export interface UnitChoice extends CourseChoice {
  level: number;
}

/**
 * What the pages that look across the people a viewer oversees (team, reports) offer to filter
 * by: every course, the units the viewer oversees (the API's own rule), and the current fiscal
 * year, the default (undefined until loaded).
 */
export function useOverseenChoices(): {
  courses: CourseChoice[];
  units: UnitChoice[];
  currentFiscalYear: number | undefined;
} {
  const lang = useLanguage();
  const viewer = useViewer();
  const courses = useCourses();
  const orgUnits = useOrgUnits();
  const currentFiscalYear = useCurrentFiscalYear().data?.fiscalYear;
  const me = viewer.me;
  const units = me
    ? overseenUnits(orgUnits.data ?? [], {
        orgUnitId: me.orgUnit.id,
        sectionHeadUnitId: me.sectionHeadUnitId,
        isAdmin: viewer.roles.has('admin'),
        isSectionHead: viewer.roles.has('section_head'),
        isUnitSecurityOfficer: viewer.roles.has('unit_security_officer'),
      })
    : [];
  const topDepth = Math.min(...units.map((u) => u.depth));
  return {
    courses: (courses.data ?? []).map((c) => ({
      id: c.id,
      label: lang === 'en' ? c.titleEn : c.titleJa,
    })),
    units: units.map((u) => ({ id: u.id, label: localName(u, lang), level: u.depth - topDepth })),
    currentFiscalYear,
  };
}
