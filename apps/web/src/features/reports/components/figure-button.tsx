import { Button as AriaButton } from 'react-aria-components';
import type { PeopleFilters } from '../api/reports.ts';

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
  onShowPeople: (people: PeopleFilters & { orgUnitId?: number | undefined }, label: string) => void;
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

/** Coverage as a whole percentage (rounded down, so 100% means everyone), or a dash. */
export function percentText(coverage: number | null): string {
  if (coverage === null) return '—';
  const p = Math.floor(coverage * 1000) / 10;
  return `${p}%`;
}
