import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { localName, useLanguage } from '../../../lib/i18n.ts';
import {
  exportHref,
  summaryHref,
  useAnnualReport,
  useYearOverYear,
  type AnnualReport,
  type PeopleFilters,
  type ReportFilters,
} from '../api/reports.ts';
import { AuditSamplePanel } from './audit-sample-panel.tsx';
import { FigureButton, percentText } from './figure-button.tsx';
import { PeoplePanel, type Drill } from './people-panel.tsx';
import { UnitTree } from './unit-tree.tsx';
import './reports.css';

// The chart library is the biggest part of this page: it loads only when the chart is shown.
const ProgressChart = lazy(() =>
  import('./progress-chart.tsx').then((m) => ({ default: m.ProgressChart })),
);

interface Option {
  id: number;
  label: string;
}

export interface ReportsViewProps {
  filters: ReportFilters;
  years: number[];
  courses: Option[];
  units: (Option & { level: number })[];
  onFiltersChange: (patch: ReportFilters) => void;
  canDrawSamples: boolean;
}

function yearLabel(fy: number, lang: 'ja' | 'en'): string {
  if (lang === 'en') return `FY${fy}`;
  const reiwa = fy - 2018;
  return reiwa >= 1 ? `令和${reiwa === 1 ? '元' : reiwa}年度` : `平成${fy - 1988}年度`;
}

/** The report page's body: filters, figures that open the people behind them, and exports. */
export function ReportsView(props: ReportsViewProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const report = useAnnualReport(props.filters);
  const [drill, setDrill] = useState<Drill | null>(null);
  const showPeople = (people: PeopleFilters & { orgUnitId?: number | undefined }, label: string) =>
    setDrill({ ...people, orgUnitId: people.orgUnitId ?? props.filters.orgUnitId, label });

  return (
    <div className="reports">
      <form
        className="report-filters"
        aria-label={t('reports.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('reports.filters.fiscalYear')}
          <select
            value={props.filters.fiscalYear ?? props.years[0] ?? ''}
            onChange={(e) => props.onFiltersChange({ fiscalYear: Number(e.target.value) })}
          >
            {props.years.map((y) => (
              <option key={y} value={y}>
                {yearLabel(y, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.filters.course')}
          <select
            value={props.filters.courseId ?? report.data?.course.id ?? ''}
            onChange={(e) => props.onFiltersChange({ courseId: Number(e.target.value) })}
          >
            {props.courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.filters.unit')}
          <select
            value={props.filters.orgUnitId ?? ''}
            onChange={(e) =>
              props.onFiltersChange({
                orgUnitId: e.target.value ? Number(e.target.value) : undefined,
              })
            }
          >
            <option value="">{t('reports.filters.wholeScope')}</option>
            {props.units.map((u) => (
              <option key={u.id} value={u.id}>
                {'　'.repeat(u.level)}
                {u.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryState query={report}>
        {(r) => (
          <>
            <Figures report={r} onShowPeople={showPeople} />
            {drill ? (
              <PeoplePanel
                filters={{ ...props.filters, courseId: r.course.id, fiscalYear: r.fiscalYear }}
                drill={drill}
                onClose={() => setDrill(null)}
              />
            ) : null}
            <History filters={props.filters} onShowPeople={showPeople} />
            <section className="card report-section">
              <h2 className="card__title">{t('reports.exports')}</h2>
              <ul className="report-exports">
                {(
                  [
                    'courses',
                    'units',
                    'role-groups',
                    'employment-types',
                    'methods',
                    'attainment',
                    'progress',
                    'history',
                  ] as const
                ).map((table) => (
                  <li key={table}>
                    <a
                      href={exportHref(table, { ...props.filters, courseId: r.course.id }, lang)}
                      download
                    >
                      {t(`reports.tables.${table}`)} ({t('reports.downloadCsv')})
                    </a>
                  </li>
                ))}
                <li>
                  <a
                    href={summaryHref({ ...props.filters, courseId: r.course.id }, lang, 'html')}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('reports.summary')}
                  </a>
                </li>
                <li>
                  <a
                    href={summaryHref({ ...props.filters, courseId: r.course.id }, lang, 'pdf')}
                    download
                  >
                    {t('reports.summaryPdf')}
                  </a>
                </li>
              </ul>
            </section>
            {props.canDrawSamples ? (
              <AuditSamplePanel
                fiscalYear={r.fiscalYear}
                courseId={r.course.id}
                orgUnitId={props.filters.orgUnitId}
                population={r.overall.completed}
              />
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}

function Figures({
  report: r,
  onShowPeople,
}: {
  report: AnnualReport;
  onShowPeople: (people: PeopleFilters & { orgUnitId?: number }, label: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const thresholds = r.attainment.thresholds;
  return (
    <>
      <section className="card report-section report-overall">
        <h2 className="card__title">
          {localName(r.scope, lang)} — {lang === 'ja' ? r.course.titleJa : r.course.titleEn}
        </h2>
        <p className="muted">
          {t('reports.asOf', { date: r.asOf })} {t(`reports.basis.${r.basis}`, { date: r.asOf })}
        </p>
        {r.note ? (
          <p className="report-note" role="status">
            {t(`reports.notes.${r.note}`)}
          </p>
        ) : null}
        <p className="report-overall__figure">
          <span className="report-overall__label">{t('reports.overall')}</span>{' '}
          <strong>{percentText(r.overall.coverage)}</strong> (
          <FigureButton
            value={r.overall.completed}
            label={t('reports.completed')}
            people={{ status: 'completed' }}
            onShowPeople={onShowPeople}
          />
          {' / '}
          <FigureButton
            value={r.overall.required}
            label={t('reports.required')}
            people={{}}
            onShowPeople={onShowPeople}
          />
          , {t('reports.notCompleted')}{' '}
          <FigureButton
            value={r.overall.required - r.overall.completed}
            label={t('reports.notCompleted')}
            people={{ status: 'not_completed' }}
            onShowPeople={onShowPeople}
          />
          )
        </p>
      </section>

      <section className="card report-section">
        <h2 className="card__title">{t('reports.units')}</h2>
        <UnitTree units={r.units} onShowPeople={onShowPeople} />
      </section>

      <div className="report-grid">
        <section className="card report-section">
          <h2 className="card__title">{t('reports.roleGroups')}</h2>
          <CountsTable
            rows={r.roleGroups.map((g) => ({
              key: g.group,
              label: t(`reports.groups.${g.group}`),
              counts: g.counts,
              people: { roleGroup: g.group },
            }))}
            onShowPeople={onShowPeople}
          />
        </section>
        <section className="card report-section">
          <h2 className="card__title">{t('reports.employmentTypes')}</h2>
          <CountsTable
            rows={r.employmentTypes.map((e) => ({
              key: e.type,
              label: t(`reports.types.${e.type}`),
              counts: e.counts,
              people: { employmentType: e.type },
            }))}
            onShowPeople={onShowPeople}
          />
        </section>
        <section className="card report-section">
          <h2 className="card__title">{t('reports.methods')}</h2>
          <table className="report-table">
            <tbody>
              {r.methods.map((m) => (
                <tr key={m.method}>
                  <th scope="row">{t(`reports.methodNames.${m.method}`)}</th>
                  <td>
                    <FigureButton
                      value={m.completed}
                      label={t(`reports.methodNames.${m.method}`)}
                      people={{ method: m.method }}
                      onShowPeople={onShowPeople}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card report-section">
          <h2 className="card__title">{t('reports.attainment')}</h2>
          <table className="report-table">
            <thead>
              <tr>
                <td />
                {thresholds.map((th) => (
                  <th key={th} scope="col">
                    {th === 100
                      ? t('reports.thresholdAll')
                      : t('reports.threshold', { percent: th })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  {t('reports.attainmentUnits', { count: r.attainment.units.counted })}
                </th>
                {r.attainment.units.reached.map((n, i) => (
                  <td key={thresholds[i]}>
                    {n} (
                    {percentText(
                      r.attainment.units.counted ? n / r.attainment.units.counted : null,
                    )}
                    )
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">
                  {t('reports.attainmentCourses', { count: r.attainment.courses.counted })}
                </th>
                {r.attainment.courses.reached.map((n, i) => (
                  <td key={thresholds[i]}>
                    {n} (
                    {percentText(
                      r.attainment.courses.counted ? n / r.attainment.courses.counted : null,
                    )}
                    )
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      </div>

      <section className="card report-section">
        <h2 className="card__title">{t('reports.courses')}</h2>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.course')}</th>
              <th scope="col">{t('reports.required')}</th>
              <th scope="col">{t('reports.completed')}</th>
              <th scope="col">{t('reports.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {r.courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">{lang === 'ja' ? c.titleJa : c.titleEn}</th>
                <td>
                  <FigureButton
                    value={c.counts.required}
                    label={`${lang === 'ja' ? c.titleJa : c.titleEn}: ${t('reports.required')}`}
                    people={{ courseId: c.id }}
                    onShowPeople={onShowPeople}
                  />
                </td>
                <td>
                  <FigureButton
                    value={c.counts.completed}
                    label={`${lang === 'ja' ? c.titleJa : c.titleEn}: ${t('reports.completed')}`}
                    people={{ courseId: c.id, status: 'completed' }}
                    onShowPeople={onShowPeople}
                  />
                </td>
                <td>{percentText(c.counts.coverage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card report-section">
        <h2 className="card__title">{t('reports.progress')}</h2>
        <Suspense fallback={<LoadingState />}>
          <ProgressChart progress={r.progress} />
        </Suspense>
        <details className="report-progress-table">
          <summary>{t('reports.progressTable')}</summary>
          <table className="report-table">
            <caption>{t('reports.progressTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.week')}</th>
                <th scope="col">{t('reports.completions')}</th>
                <th scope="col">{t('reports.cumulative')}</th>
                <th scope="col">{t('reports.requiredLine')}</th>
              </tr>
            </thead>
            <tbody>
              {r.progress.weeks.map((w, i) => (
                <tr key={w.weekStart}>
                  <th scope="row">{w.weekStart}</th>
                  <td>
                    <FigureButton
                      value={w.completions}
                      label={`${w.weekStart}: ${t('reports.completions')}`}
                      people={{
                        status: 'completed',
                        // A week's own completions; late credits counted in the last week too.
                        completedFrom: i === 0 ? undefined : w.weekStart,
                        completedTo:
                          i === r.progress.weeks.length - 1 ? undefined : addDays(w.weekStart, 6),
                      }}
                      onShowPeople={onShowPeople}
                    />
                  </td>
                  <td>{w.cumulative}</td>
                  <td>{r.progress.required}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </>
  );
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function CountsTable({
  rows,
  onShowPeople,
}: {
  rows: { key: string; label: string; counts: AnnualReport['overall']; people: PeopleFilters }[];
  onShowPeople: (people: PeopleFilters & { orgUnitId?: number }, label: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="report-table">
      <thead>
        <tr>
          <td />
          <th scope="col">{t('reports.required')}</th>
          <th scope="col">{t('reports.completed')}</th>
          <th scope="col">{t('reports.coverage')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <FigureButton
                value={row.counts.required}
                label={`${row.label}: ${t('reports.required')}`}
                people={row.people}
                onShowPeople={onShowPeople}
              />
            </td>
            <td>
              <FigureButton
                value={row.counts.completed}
                label={`${row.label}: ${t('reports.completed')}`}
                people={{ ...row.people, status: 'completed' }}
                onShowPeople={onShowPeople}
              />
            </td>
            <td>{percentText(row.counts.coverage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({
  filters,
  onShowPeople,
}: {
  filters: ReportFilters;
  onShowPeople: (people: PeopleFilters & { orgUnitId?: number }, label: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useYearOverYear(filters);
  return (
    <section className="card report-section">
      <h2 className="card__title">{t('reports.history')}</h2>
      <QueryState query={history}>
        {(h) => (
          <div className="table-frame">
            <table className="report-table">
              <thead>
                <tr>
                  <td />
                  {h.years.map((y) => (
                    <th key={y.fiscalYear} scope="col">
                      {yearLabel(y.fiscalYear, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(['all', 'security_officers', 'system_officers', 'other_staff'] as const).map(
                  (g) => (
                    <tr key={g}>
                      <th scope="row">
                        {g === 'all' ? t('reports.overall') : t(`reports.groups.${g}`)}
                      </th>
                      {h.years.map((y) => {
                        const c =
                          g === 'all'
                            ? y.overall
                            : (y.roleGroups.find((r) => r.group === g)?.counts ?? y.overall);
                        const row = g === 'all' ? t('reports.overall') : t(`reports.groups.${g}`);
                        const label = `${yearLabel(y.fiscalYear, lang)} ${row}`;
                        const people = {
                          fiscalYear: y.fiscalYear,
                          roleGroup: g === 'all' ? undefined : g,
                        };
                        return (
                          <td key={y.fiscalYear}>
                            {percentText(c.coverage)}{' '}
                            <span className="muted">
                              (
                              <FigureButton
                                value={c.completed}
                                label={`${label}: ${t('reports.completed')}`}
                                people={{ ...people, status: 'completed' }}
                                onShowPeople={onShowPeople}
                              />{' '}
                              /{' '}
                              <FigureButton
                                value={c.required}
                                label={`${label}: ${t('reports.required')}`}
                                people={people}
                                onShowPeople={onShowPeople}
                              />
                              )
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
