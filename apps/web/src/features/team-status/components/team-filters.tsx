import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField } from '../../../components/search-field.tsx';
import { Select } from '../../../components/select.tsx';
import { TEAM_STATUS_FILTERS, type TeamStatusFilter } from '../../../app/routes/team-search.ts';

const SEARCH_DELAY_MS = 300;
/** The unit choice meaning "everyone I oversee". */
const ALL_UNITS = 'all';

/** The filters as the page holds them (the URL), with the defaults already applied. */
export interface TeamFilterValues {
  /** The course shown; undefined until the API has said which the default course is. */
  courseId: number | undefined;
  unitId: number | undefined;
  status: TeamStatusFilter;
  q: string;
}

export interface TeamFilterPatch {
  courseId?: number;
  unitId?: number | undefined;
  status?: TeamStatusFilter;
  q?: string;
}

export interface TeamFiltersProps {
  value: TeamFilterValues;
  onChange: (patch: TeamFilterPatch, options?: { replace?: boolean }) => void;
  courses: readonly { id: number; label: string }[];
  /** The units the viewer oversees, in tree order, each with its depth below the first. */
  units: readonly { id: number; label: string; level: number }[];
}

/** Course, unit, status and a search box; every change goes to the URL. */
export function TeamFilters({ value, onChange, courses, units }: TeamFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.q);
  // The search can change from outside (back button, a link): show it, unless it is what was typed.
  const [lastQ, setLastQ] = useState(value.q);
  if (value.q !== lastQ) {
    setLastQ(value.q);
    if (value.q !== text.trim()) setText(value.q);
  }
  const applySearch = useEffectEvent((q: string) => {
    // Typing replaces the history entry: Back leaves the search, not one letter at a time.
    if (q !== value.q) onChange({ q }, { replace: true });
  });
  useEffect(() => {
    const timer = setTimeout(() => applySearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form
      className="team-filters"
      aria-label={t('team.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
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
        value={text}
        onChange={setText}
        onSubmit={(q) => applySearch(q.trim())}
      />
    </form>
  );
}
