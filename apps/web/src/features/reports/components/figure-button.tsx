import { Button as AriaButton } from 'react-aria-components';
import { useTranslation } from '../../../lib/i18n.ts';
import type { AnnualReport, PeopleFilters } from '../api/reports.ts';

/** Opens the list of the people behind a figure; the label names the figure. */
export type ShowPeople = (
  people: PeopleFilters & { orgUnitId?: number | undefined },
  label: string,
) => void;

type Counts = Pick<AnnualReport['overall'], 'required' | 'completed'>;

/** A number in the report that opens the list of the people behind it. */
export function FigureButton({
  value,
  label,
  people,
  onShowPeople,
}: {
  value: number;
  /** What the number counts, for screen readers ("課A: 未修了 3名"). */
  label: string;
  people: PeopleFilters & { orgUnitId?: number | undefined };
  onShowPeople: ShowPeople;
}) {
  return (
    <AriaButton
      className="report-figure"
      aria-label={`${label}: ${value}`}
      onPress={() => onShowPeople(people, label)}
    >
      {value.toLocaleString()}
    </AriaButton>
  );
}

/** A table row's "must take" and "completed" cells; the label names the row. */
export function RequiredCompletedCells({
  label,
  counts,
  people,
  onShowPeople,
}: {
  label: string;
  counts: Counts;
  people: PeopleFilters & { orgUnitId?: number | undefined };
  onShowPeople: ShowPeople;
}) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        <FigureButton
          value={counts.required}
          label={`${label}: ${t('reports.required')}`}
          people={people}
          onShowPeople={onShowPeople}
        />
      </td>
      <td>
        <FigureButton
          value={counts.completed}
          label={`${label}: ${t('reports.completed')}`}
          people={{ ...people, status: 'completed' }}
          onShowPeople={onShowPeople}
        />
      </td>
    </>
  );
}

/** "completed / must take", each figure opening its people; labelOf names each figure. */
export function CompletedOfRequired({
  counts,
  labelOf,
  people,
  onShowPeople,
}: {
  counts: Counts;
  labelOf: (figure: string) => string;
  people: PeopleFilters & { orgUnitId?: number | undefined };
  onShowPeople: ShowPeople;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FigureButton
        value={counts.completed}
        label={labelOf(t('reports.completed'))}
        people={{ ...people, status: 'completed' }}
        onShowPeople={onShowPeople}
      />
      {' / '}
      <FigureButton
        value={counts.required}
        label={labelOf(t('reports.required'))}
        people={people}
        onShowPeople={onShowPeople}
      />
    </>
  );
}

/** Coverage as a whole percentage (rounded down, so 100% means everyone), or a dash. */
export function percentText(coverage: number | null): string {
  if (coverage === null) return '—';
  const p = Math.floor(coverage * 1000) / 10;
  return `${p}%`;
}
