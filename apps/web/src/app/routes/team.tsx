import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import type { TeamFilterPatch } from '../../features/team/components/team-filters.tsx';
import { TeamStatusView } from '../../features/team/components/team-status-view.tsx';
import { DEFAULT_PAGE_SIZE, type PageSize } from '../../lib/paging.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useOverseenChoices } from './overseen-choices.ts';
import { DEFAULT_TEAM_STATUS, type TeamSearch } from './team-search.ts';

const route = getRouteApi('/team');

/** Past years offered besides the current one: enough to close last year and compare. */
const PAST_YEARS_OFFERED = 2;

/** Where the people I oversee stand on a course, with reminders for those not yet done. */
export function TeamPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { courses, units, currentFiscalYear } = useOverseenChoices();
  useDocumentTitle(t('team.title'));

  // Any change of filter or page size starts again from the first page.
  const update = (patch: TeamSearch, options: { replace?: boolean } = {}) =>
    void navigate({ search: (prev) => ({ ...prev, offset: undefined, ...patch }), ...options });

  const onFiltersChange = (patch: TeamFilterPatch, options?: { replace?: boolean }) => {
    const next: TeamSearch = {};
    // The current year is the default, so the plain address keeps showing it.
    if (patch.fiscalYear !== undefined) {
      next.year = patch.fiscalYear === currentFiscalYear ? undefined : patch.fiscalYear;
    }
    if ('courseId' in patch) next.course = patch.courseId;
    if ('unitId' in patch) next.unit = patch.unitId;
    if ('role' in patch) next.role = patch.role;
    if ('employmentType' in patch) next.employment = patch.employmentType;
    if (patch.status !== undefined) {
      next.status = patch.status === DEFAULT_TEAM_STATUS ? undefined : patch.status;
    }
    if (patch.q !== undefined) next.q = patch.q || undefined;
    update(next, options);
  };

  return (
    <>
      <PageHeader title={t('team.title')}>
        <p>{t('team.intro')}</p>
      </PageHeader>
      <TeamStatusView
        filters={{
          fiscalYear: search.year,
          courseId: search.course,
          unitId: search.unit,
          role: search.role,
          employmentType: search.employment,
          status: search.status ?? DEFAULT_TEAM_STATUS,
          q: search.q ?? '',
        }}
        currentFiscalYear={currentFiscalYear}
        fiscalYears={
          currentFiscalYear === undefined
            ? []
            : Array.from({ length: PAST_YEARS_OFFERED + 1 }, (_, i) => currentFiscalYear - i)
        }
        offset={search.offset ?? 0}
        limit={search.limit ?? DEFAULT_PAGE_SIZE}
        courses={courses}
        units={units}
        onFiltersChange={onFiltersChange}
        onOffsetChange={(offset) => update({ offset: offset || undefined })}
        onLimitChange={(limit: PageSize) => update({ limit })}
        // Section heads, unit officers and admins all book for the people they oversee.
        canBookForThem
      />
    </>
  );
}
