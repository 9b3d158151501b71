import { CheckboxField } from '../../../components/form-fields.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { Select } from '../../../components/select.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useSearchText } from '../../../lib/use-search-text.ts';
import { monthLabel } from '../utils/session-time.ts';

/** The finder's filters, as the URL holds them. */
export interface FinderFilters {
  course?: number | undefined;
  month?: string | undefined;
  venue?: string | undefined;
  seats?: boolean | undefined;
}

export interface SessionFiltersProps {
  value: FinderFilters;
  onChange: (patch: FinderFilters, options?: { replace?: boolean }) => void;
  courses: readonly { id: number; label: string }[];
  /** The months to offer ('YYYY-MM'), the fiscal year's. */
  months: readonly string[];
}

const ALL = 'all';

/** Course, month, venue text and "seats left only"; every change goes to the URL. */
export function SessionFilters({ value, onChange, courses, months }: SessionFiltersProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const venue = useSearchText(value.venue ?? '', (text) =>
    onChange({ venue: text || undefined }, { replace: true }),
  );

  return (
    <form
      className="finder-filters"
      aria-label={t('sessions.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        label={t('sessions.filters.course')}
        options={[
          { id: ALL, label: t('sessions.filters.allCourses') },
          ...courses.map((c) => ({ id: String(c.id), label: c.label })),
        ]}
        value={value.course === undefined ? ALL : String(value.course)}
        onChange={(id) => onChange({ course: id === ALL ? undefined : Number(id) })}
      />
      <Select
        label={t('sessions.filters.month')}
        options={[
          { id: ALL, label: t('sessions.filters.allMonths') },
          ...months.map((m) => ({ id: m, label: monthLabel(m, lang) })),
        ]}
        value={value.month ?? ALL}
        onChange={(id) => onChange({ month: id === ALL ? undefined : id })}
      />
      <SearchField label={t('sessions.filters.venue')} {...venue} />
      <CheckboxField
        isSelected={value.seats === true}
        onChange={(seats) => onChange({ seats: seats || undefined })}
      >
        {t('sessions.filters.seatsOnly')}
      </CheckboxField>
    </form>
  );
}
