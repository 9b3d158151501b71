import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useCourses } from '../../features/courses/api/courses.ts';
import { useCurrentFiscalYear } from '../../features/fiscal-years/api/get-current-fiscal-year.ts';
import { SessionFinder } from '../../features/sessions/components/session-finder.tsx';
import type { FinderFilters } from '../../features/sessions/components/session-filters.tsx';
import { fiscalYearMonths } from '../../features/sessions/utils/session-time.ts';
import { useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useViewer, type Role } from '../use-viewer.ts';
import { useBookingSync } from './booking-sync.ts';
import './training-pages.css';

const route = getRouteApi('/sessions');

/** Who may book for someone else (in their scope; the API checks the scope). */
const BOOKS_FOR_OTHERS: readonly Role[] = ['section_head', 'unit_security_officer', 'admin'];

/** The session finder: filters in the URL, sessions of my courses, and booking. */
export function SessionFinderPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const viewer = useViewer();
  const courses = useCourses();
  const fiscalYear = useCurrentFiscalYear();
  const onChanged = useBookingSync();
  useDocumentTitle(t('sessions.finder.title'));

  const canBookForOthers = BOOKS_FOR_OTHERS.some((role) => viewer.roles.has(role));

  const update = (patch: FinderFilters, options: { replace?: boolean } = {}) =>
    void navigate({
      search: (prev) => {
        const next = { ...prev, ...patch };
        return {
          ...(next.course === undefined ? {} : { course: next.course }),
          ...(next.month === undefined ? {} : { month: next.month }),
          ...(next.venue === undefined ? {} : { venue: next.venue }),
          ...(next.seats ? { seats: true as const } : {}),
        };
      },
      ...options,
    });

  // Sessions exist only for courses taught in groups.
  const courseOptions = (courses.data ?? [])
    .filter((c) => c.completionModes !== 'e_learning')
    .map((c) => ({ id: c.id, label: lang === 'en' ? c.titleEn : c.titleJa }));

  return (
    <>
      <PageHeader title={t('sessions.finder.title')}>
        <p>{t('sessions.finder.intro')}</p>
      </PageHeader>
      <SessionFinder
        value={search}
        onChange={update}
        courses={courseOptions}
        months={fiscalYear.data ? fiscalYearMonths(fiscalYear.data.fiscalYear) : []}
        canBookForOthers={canBookForOthers}
        onChanged={onChanged}
      />
    </>
  );
}
