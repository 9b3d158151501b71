import { fiscalYearLabel } from '@kenshu/domain';
import { useState, type ReactNode } from 'react';
import type { Selection } from 'react-aria-components';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { PageSize } from '../../../lib/paging.ts';
import {
  teamCsvUrl,
  toTeamFilter,
  useTeamStatus,
  type OverseenPerson,
  type ReminderResult,
  type TeamStatusPage,
} from '../api/team-status.ts';
import { mergePageSelection } from '../utils/page-selection.ts';
import { PersonRecordDialog } from './person-record-dialog.tsx';
import { ReminderDialog } from './reminder-dialog.tsx';
import { TeamFilters, type TeamFilterPatch, type TeamFiltersProps } from './team-filters.tsx';
import { TeamSummary } from './team-summary.tsx';
import { isRemindable, TeamTable } from './team-table.tsx';
import './team-status.css';

export interface TeamStatusViewProps {
  /** The URL's filters; no fiscal year or course means the API's default (the current one). */
  filters: TeamFiltersProps['value'];
  /** Today's fiscal year, the only one reminders go out for; undefined until known. */
  currentFiscalYear: number | undefined;
  /** The fiscal years to offer, latest first. */
  fiscalYears: TeamFiltersProps['fiscalYears'];
  offset: number;
  limit: PageSize;
  courses: TeamFiltersProps['courses'];
  units: TeamFiltersProps['units'];
  onFiltersChange: (patch: TeamFilterPatch, options?: { replace?: boolean }) => void;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: PageSize) => void;
  /** Whether the viewer may book sessions for the people shown (offered from their record). */
  canBookForThem: boolean;
}

const NOBODY: ReadonlySet<number> = new Set();

/**
 * Where the people the viewer oversees stand on one course in one fiscal year: filters, the
 * counts with coverage, and a paged list to choose people from and remind them (this year only).
 * The caller owns the filters (the URL); the choice of people is kept across pages until the
 * course or year changes or a reminder goes.
 */
export function TeamStatusView({
  filters,
  currentFiscalYear,
  fiscalYears,
  offset,
  limit,
  courses,
  units,
  onFiltersChange,
  onOffsetChange,
  onLimitChange,
  canBookForThem,
}: TeamStatusViewProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const search = {
    fiscalYear: filters.fiscalYear,
    courseId: filters.courseId,
    orgUnitId: filters.unitId,
    role: filters.role,
    employmentType: filters.employmentType,
    status: filters.status === 'all' ? undefined : filters.status,
    q: filters.q || undefined,
  };
  const query = useTeamStatus({ ...search, limit, offset });
  const shownCourseId = query.data?.course.id;
  const shownFiscalYear = query.data?.fiscalYear;
  // Past years stay readable but not chaseable: reminders and booking are for this year only.
  const pastYear =
    currentFiscalYear !== undefined &&
    filters.fiscalYear !== undefined &&
    filters.fiscalYear !== currentFiscalYear
      ? { year: filters.fiscalYear, current: currentFiscalYear }
      : undefined;

  const [selected, setSelected] = useState<ReadonlySet<number>>(NOBODY);
  // A choice of people belongs to one course and year: another starts with nobody chosen.
  const shownList = `${shownCourseId}/${shownFiscalYear}`;
  const [selectionList, setSelectionList] = useState(shownList);
  if (shownList !== selectionList) {
    setSelectionList(shownList);
    setSelected(NOBODY);
  }

  const [result, setResult] = useState<ReminderResult | null>(null);
  // Whom the open reminder dialog is for: everyone matching, or the people chosen.
  const [remindWhom, setRemindWhom] = useState<'matching' | 'selected' | null>(null);
  const [recordOf, setRecordOf] = useState<OverseenPerson | null>(null);

  return (
    <div className="team-status stack">
      <Card title={t('team.filters.label')}>
        <TeamFilters
          value={{
            ...filters,
            fiscalYear: filters.fiscalYear ?? shownFiscalYear ?? currentFiscalYear,
            courseId: filters.courseId ?? shownCourseId,
          }}
          onChange={onFiltersChange}
          fiscalYears={withYear(fiscalYears, shownFiscalYear)}
          courses={courses}
          units={units}
        />
      </Card>
      <QueryState query={query}>
        {(page) => (
          <TeamResults
            page={page}
            noRemindersReason={
              pastYear &&
              t('team.pastYear.noReminders', {
                year: fiscalYearLabel(pastYear.year, lang),
                current: fiscalYearLabel(pastYear.current, lang),
              })
            }
            busy={query.isPlaceholderData}
            q={filters.q}
            offset={offset}
            limit={limit}
            selected={selected}
            onSelectedChange={setSelected}
            onOffsetChange={onOffsetChange}
            onLimitChange={onLimitChange}
            onOpenRecord={setRecordOf}
            onOpenReminder={setRemindWhom}
            csvUrl={teamCsvUrl({
              ...search,
              courseId: page.course.id,
              fiscalYear: page.fiscalYear,
            })}
            result={result}
            reminderDialog={
              <ReminderDialog
                isOpen={remindWhom !== null}
                onOpenChange={(open) => {
                  if (!open) setRemindWhom(null);
                }}
                courseTitle={courseTitle(page.course)}
                request={{
                  // The list shown: its course and year, as the page has them.
                  filter: toTeamFilter({
                    ...search,
                    courseId: page.course.id,
                    fiscalYear: page.fiscalYear,
                  }),
                  ...(remindWhom === 'selected' ? { staffIds: [...selected] } : {}),
                }}
                onSent={(sent) => {
                  setResult(sent);
                  setSelected(NOBODY);
                  setRemindWhom(null);
                }}
              />
            }
          />
        )}
      </QueryState>
      <PersonRecordDialog
        person={recordOf}
        fiscalYear={filters.fiscalYear}
        onClose={() => setRecordOf(null)}
        canBookForThem={canBookForThem && !pastYear}
      />
    </div>
  );

  function courseTitle(course: TeamStatusPage['course']) {
    return lang === 'en' ? course.titleEn : course.titleJa;
  }
}

/** The years to offer, with the one shown even when the list lacks it (a hand-edited link). */
function withYear(years: readonly number[], year: number | undefined): readonly number[] {
  if (year === undefined || years.includes(year)) return years;
  return [...years, year].sort((a, b) => b - a);
}

interface TeamResultsProps {
  page: TeamStatusPage;
  /** Why nobody can be chosen and reminded (a year other than the current one is shown). */
  noRemindersReason: string | undefined;
  busy: boolean;
  q: string;
  offset: number;
  limit: PageSize;
  selected: ReadonlySet<number>;
  onSelectedChange: (selected: ReadonlySet<number>) => void;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: PageSize) => void;
  onOpenRecord: (person: OverseenPerson) => void;
  onOpenReminder: (whom: 'matching' | 'selected') => void;
  /** The CSV of everyone matching the filters. */
  csvUrl: string;
  result: ReminderResult | null;
  reminderDialog: ReactNode;
}

/** The counts, then the chosen people's actions, the list and its pages. */
function TeamResults({
  page,
  noRemindersReason,
  busy,
  q,
  offset,
  limit,
  selected,
  onSelectedChange,
  onOffsetChange,
  onLimitChange,
  onOpenRecord,
  onOpenReminder,
  csvUrl,
  result,
  reminderDialog,
}: TeamResultsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const course = lang === 'en' ? page.course.titleEn : page.course.titleJa;
  const remindableHere = page.items.filter(isRemindable).map((p) => p.staffId);
  const selectedHere = new Set(remindableHere.filter((id) => selected.has(id)));
  const choose = (choice: Selection) =>
    onSelectedChange(mergePageSelection(selected, remindableHere, choice));

  return (
    <Card
      title={t('team.summary.heading', { course, year: fiscalYearLabel(page.fiscalYear, lang) })}
    >
      <div className="stack dim-while-busy" aria-busy={busy}>
        <TeamSummary counts={page.counts} />
        {noRemindersReason ? (
          <p className="alert alert--warning">{noRemindersReason}</p>
        ) : (
          <div className="team-toolbar">
            <p className="team-toolbar__count" aria-live="polite">
              {selected.size === 0
                ? t('team.selection.none')
                : t('team.selection.selected', { count: selected.size })}
            </p>
            <div className="team-toolbar__buttons">
              <Button
                isDisabled={
                  remindableHere.length === 0 || selectedHere.size === remindableHere.length
                }
                onPress={() => choose('all')}
              >
                {t('team.selection.selectPage')}
              </Button>
              <Button isDisabled={selected.size === 0} onPress={() => onSelectedChange(new Set())}>
                {t('team.selection.clear')}
              </Button>
              <Button isDisabled={selected.size === 0} onPress={() => onOpenReminder('selected')}>
                {t('team.reminder.openSelected', { count: selected.size })}
              </Button>
              <Button
                variant="primary"
                isDisabled={page.total === 0}
                onPress={() => onOpenReminder('matching')}
              >
                {t('team.reminder.openMatching', { count: page.total })}
              </Button>
            </div>
          </div>
        )}
        <p className="team-toolbar__download">
          <a className="button button--secondary" href={csvUrl} download>
            {t('team.filters.downloadCsv')}
          </a>
        </p>
        <p className="alert alert--success team-toolbar__result" role="status">
          {result ? t('team.reminder.result', result) : null}
        </p>
        {page.total === 0 ? (
          <EmptyState message={q ? t('team.emptySearch', { q }) : t('team.empty')} />
        ) : (
          <>
            <TeamTable
              label={t('team.table.label', { course })}
              people={page.items}
              selectable={noRemindersReason === undefined}
              selectedIds={selectedHere}
              onSelectionChange={choose}
              onOpenRecord={onOpenRecord}
            />
            <Pagination
              offset={offset}
              limit={limit}
              total={page.total}
              onOffsetChange={onOffsetChange}
              onLimitChange={onLimitChange}
            />
          </>
        )}
      </div>
      {reminderDialog}
    </Card>
  );
}
