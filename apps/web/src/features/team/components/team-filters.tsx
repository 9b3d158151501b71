import {
  EMPLOYMENT_TYPES,
  fiscalYearLabel,
  ROLES,
  type EmploymentType,
  type Role,
} from '@kenshu/domain';
import { SearchField } from '../../../components/search-field.tsx';
import { Select } from '../../../components/select.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useSearchText } from '../../../lib/use-search-text.ts';
import { TEAM_STATUS_FILTERS, type TeamStatusFilter } from '../utils/status-filters.ts';

/** The unit choice meaning "everyone I oversee"; the same word for any role or employment. */
const ALL_UNITS = 'all';

/** The filters as the page holds them (the URL), with the defaults already applied. */
export interface TeamFilterValues {
  /** The fiscal year shown; undefined until the API has said which the current one is. */
  fiscalYear: number | undefined;
  /** The course shown; undefined until the API has said which the default course is. */
  courseId: number | undefined;
  unitId: number | undefined;
  role: Role | undefined;
  employmentType: EmploymentType | undefined;
  status: TeamStatusFilter;
  q: string;
}

export interface TeamFilterPatch {
  fiscalYear?: number;
  courseId?: number;
  unitId?: number | undefined;
  role?: Role | undefined;
  employmentType?: EmploymentType | undefined;
  status?: TeamStatusFilter;
  q?: string;
}

export interface TeamFiltersProps {
  value: TeamFilterValues;
  onChange: (patch: TeamFilterPatch, options?: { replace?: boolean }) => void;
  /** The fiscal years to choose from, latest first. */
  fiscalYears: readonly number[];
  courses: readonly { id: number; label: string }[];
  /** The units the viewer oversees, in tree order, each with its depth below the first. */
  units: readonly { id: number; label: string; level: number }[];
}

/** Fiscal year, course, unit, role, employment, status and a search box, all in the URL. */
export function TeamFilters({ value, onChange, fiscalYears, courses, units }: TeamFiltersProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Typing replaces the history entry: Back leaves the search, not one letter at a time.
  const search = useSearchText(value.q, (q) => onChange({ q }, { replace: true }));

  return (
    <form
      className="team-filters"
      aria-label={t('team.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        label={t('team.filters.fiscalYear')}
        options={fiscalYears.map((year) => ({
          id: String(year),
          label: fiscalYearLabel(year, lang),
        }))}
        value={value.fiscalYear === undefined ? '' : String(value.fiscalYear)}
        onChange={(year) => onChange({ fiscalYear: Number(year) })}
      />
      <Select
        label={t('team.filters.course')}
        options={courses.map((c) => ({ id: String(c.id), label: c.label }))}
        value={value.courseId === undefined ? '' : String(value.courseId)}
        onChange={(id) => onChange({ courseId: Number(id) })}
      />
      <Select
        label={t('team.filters.unit')}
        options={[
          { id: ALL_UNITS, label: t('team.filters.allUnits') },
          // Full-width spaces show the tree's shape; screen readers skip them.
          ...units.map((u) => ({
            id: String(u.id),
            label: `${'\u3000'.repeat(u.level)}${u.label}`,
          })),
        ]}
        value={value.unitId === undefined ? ALL_UNITS : String(value.unitId)}
        onChange={(id) => onChange({ unitId: id === ALL_UNITS ? undefined : Number(id) })}
      />
      <Select
        label={t('team.filters.role')}
        options={[
          { id: ALL_UNITS, label: t('team.filters.allRoles') },
          ...ROLES.map((role) => ({ id: role, label: t(`staff.roles.${role}`) })),
        ]}
        value={value.role ?? ALL_UNITS}
        onChange={(id) => onChange({ role: ROLES.find((r) => r === id) })}
      />
      <Select
        label={t('team.filters.employmentType')}
        options={[
          { id: ALL_UNITS, label: t('team.filters.allEmploymentTypes') },
          ...EMPLOYMENT_TYPES.map((type) => ({
            id: type,
            label: t(`staff.employmentTypes.${type}`),
          })),
        ]}
        value={value.employmentType ?? ALL_UNITS}
        onChange={(id) => onChange({ employmentType: EMPLOYMENT_TYPES.find((e) => e === id) })}
      />
      <Select
        label={t('team.filters.status')}
        options={TEAM_STATUS_FILTERS.map((status) => ({
          id: status,
          label: t(`team.statusFilter.${status}`),
        }))}
        value={value.status}
        onChange={(status) => onChange({ status })}
      />
      <SearchField
        label={t('team.filters.searchLabel')}
        description={t('team.filters.searchDescription')}
        {...search}
      />
    </form>
  );
}
