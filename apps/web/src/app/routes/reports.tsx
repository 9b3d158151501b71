import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ReportsView } from '../../features/reports/components/reports-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useOverseenChoices } from './overseen-choices.ts';

const route = getRouteApi('/reports');

/** The fiscal years the page offers: this one and the four before (the five-year table's span). */
const YEARS_OFFERED = 5;

/** The year's training figures for the part of the organisation the viewer oversees. */
export function ReportsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { courses, units, currentFiscalYear: current } = useOverseenChoices();
  useDocumentTitle(t('reports.title'));
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
        courses={courses}
        units={units}
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
