import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useCourses } from '../../features/courses/api/courses.ts';
import { useCurrentFiscalYear } from '../../features/fiscal-years/api/get-current-fiscal-year.ts';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { ReportsView } from '../../features/reports/components/reports-view.tsx';
import { overseenUnits } from '../../features/team/utils/overseen-units.ts';
import { localName, useLanguage } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useViewer } from '../use-viewer.ts';

const route = getRouteApi('/reports');

/** The fiscal years the page offers: this one and the four before (the five-year table's span). */
const YEARS_OFFERED = 5;

/** The year's training figures for the part of the organisation the viewer oversees. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const viewer = useViewer();
  const courses = useCourses();
  const orgUnits = useOrgUnits();
  const current = useCurrentFiscalYear().data?.fiscalYear;
  useDocumentTitle(t('reports.title'));
  const me = viewer.me;
  const units = me
    ? overseenUnits(orgUnits.data ?? [], {
        orgUnitId: me.orgUnit.id,
        isAdmin: viewer.roles.has('admin'),
        isSectionHead: viewer.roles.has('section_head'),
        isUnitSecurityOfficer: viewer.roles.has('unit_security_officer'),
      })
    : [];
  const topDepth = Math.min(...units.map((u) => u.depth));
  return (
    <>
      <PageHeader title={t('reports.title')}>
        <p>{t('reports.intro')}</p>
      </PageHeader>
      <ReportsView
        filters={{ fiscalYear: search.year, courseId: search.course, orgUnitId: search.unit }}
        years={
          current === undefined ? [] : Array.from({ length: YEARS_OFFERED }, (_, i) => current - i)
        }
        courses={(courses.data ?? []).map((c) => ({
          id: c.id,
          label: lang === 'en' ? c.titleEn : c.titleJa,
        }))}
        units={units.map((u) => ({
          id: u.id,
          label: localName(u, lang),
          level: u.depth - topDepth,
        }))}
        onFiltersChange={(patch) =>
          void navigate({
            search: (prev) => ({
              ...prev,
              ...('fiscalYear' in patch
                ? { year: patch.fiscalYear === current ? undefined : patch.fiscalYear }
                : {}),
              ...('courseId' in patch ? { course: patch.courseId } : {}),
              ...('orgUnitId' in patch ? { unit: patch.orgUnitId } : {}),
            }),
          })
        }
        canDrawSamples
      />
    </>
  );
}
