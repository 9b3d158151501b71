import { REPORT_TABLES } from '@kenshu/domain';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { QueryState } from '../../../components/query-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
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
import {
  CompletedOfRequired,
  FigureButton,
  percentText,
  RequiredCompletedCells,
  type ShowPeople,
} from './figure-button.tsx';
import { PeoplePanel, type Drill } from './people-panel.tsx';
import { ReportTableHead } from './report-table-head.tsx';
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
            <ReportSection title={t('reports.exports')}>
              <ul className="report-exports">
                {/* The people behind a figure download from their own panel, filtered as shown. */}
                {REPORT_TABLES.filter((table) => table !== 'people').map((table) => (
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
            </ReportSection>
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

/** A card of the report with its heading. */
function ReportSection({
  title,
  className,
  children,
}: {
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `card report-section ${className}` : 'card report-section'}>
      <h2 className="card__title">{title}</h2>
      {children}
    </section>
  );
}

function Figures({ report: r, onShowPeople }: { report: AnnualReport; onShowPeople: ShowPeople }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const thresholds = r.attainment.thresholds;
  const courseTitle = (c: { titleJa: string; titleEn: string }) =>
    lang === 'ja' ? c.titleJa : c.titleEn;
  return (
    <>
      <ReportSection
        title={`${localName(r.scope, lang)} — ${courseTitle(r.course)}`}
        className="report-overall"
      >
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
          <CompletedOfRequired
            counts={r.overall}
            labelOf={(figure) => figure}
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
      </ReportSection>

      <ReportSection title={t('reports.units')}>
        <UnitTree units={r.units} onShowPeople={onShowPeople} />
      </ReportSection>

      <div className="report-grid">
        <ReportSection title={t('reports.roleGroups')}>
          <CountsTable
            rows={r.roleGroups.map((g) => ({
              key: g.group,
              label: t(`reports.groups.${g.group}`),
              counts: g.counts,
              people: { roleGroup: g.group },
            }))}
            onShowPeople={onShowPeople}
          />
        </ReportSection>
        <ReportSection title={t('reports.employmentTypes')}>
          <CountsTable
            rows={r.employmentTypes.map((e) => ({
              key: e.type,
              label: t(`reports.types.${e.type}`),
              counts: e.counts,
              people: { employmentType: e.type },
            }))}
            onShowPeople={onShowPeople}
          />
        </ReportSection>
        <ReportSection title={t('reports.methods')}>
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
        </ReportSection>
        <ReportSection title={t('reports.attainment')}>
          <table className="report-table">
            <ReportTableHead
              blankCorner
              headings={thresholds.map((th) =>
                th === 100 ? t('reports.thresholdAll') : t('reports.threshold', { percent: th }),
              )}
            />
            <tbody>
              <AttainmentRow
                label={t('reports.attainmentUnits', { count: r.attainment.units.counted })}
                attained={r.attainment.units}
                thresholds={thresholds}
              />
              <AttainmentRow
                label={t('reports.attainmentCourses', { count: r.attainment.courses.counted })}
                attained={r.attainment.courses}
                thresholds={thresholds}
              />
            </tbody>
          </table>
        </ReportSection>
      </div>

      <ReportSection title={t('reports.courses')}>
        <CountsTable
          corner={t('reports.course')}
          rows={r.courses.map((c) => ({
            key: String(c.id),
            label: courseTitle(c),
            counts: c.counts,
            people: { courseId: c.id },
          }))}
          onShowPeople={onShowPeople}
        />
      </ReportSection>

      <ReportSection title={t('reports.progress')}>
        <Suspense fallback={<LoadingState />}>
          <ProgressChart progress={r.progress} />
        </Suspense>
        <details className="report-progress-table">
          <summary>{t('reports.progressTable')}</summary>
          <table className="report-table">
            <caption>{t('reports.progressTable')}</caption>
            <ReportTableHead
              headings={[
                t('reports.week'),
                t('reports.completions'),
                t('reports.cumulative'),
                t('reports.requiredLine'),
              ]}
            />
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
      </ReportSection>
    </>
  );
}

/** How many units (or courses) reached each coverage threshold, with the share of all counted. */
function AttainmentRow({
  label,
  attained,
  thresholds,
}: {
  label: string;
  attained: AnnualReport['attainment']['units'];
  thresholds: readonly number[];
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {attained.reached.map((n, i) => (
        <td key={thresholds[i]}>
          {n} ({percentText(attained.counted ? n / attained.counted : null)})
        </td>
      ))}
    </tr>
  );
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Must take, completed and coverage per row; the corner heads the rows' names, if they need one. */
function CountsTable({
  corner,
  rows,
  onShowPeople,
}: {
  corner?: string;
  rows: { key: string; label: string; counts: AnnualReport['overall']; people: PeopleFilters }[];
  onShowPeople: ShowPeople;
}) {
  const { t } = useTranslation();
  return (
    <table className="report-table">
      <ReportTableHead
        blankCorner={corner === undefined}
        headings={[
          ...(corner === undefined ? [] : [corner]),
          t('reports.required'),
          t('reports.completed'),
          t('reports.coverage'),
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <RequiredCompletedCells
              label={row.label}
              counts={row.counts}
              people={row.people}
              onShowPeople={onShowPeople}
            />
            <td>{percentText(row.counts.coverage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({ filters, onShowPeople }: { filters: ReportFilters; onShowPeople: ShowPeople }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useYearOverYear(filters);
  return (
    <ReportSection title={t('reports.history')}>
      <QueryState query={history}>
        {(h) => (
          <div className="table-frame">
            <table className="report-table">
              <ReportTableHead
                blankCorner
                headings={h.years.map((y) => yearLabel(y.fiscalYear, lang))}
              />
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
                        return (
                          <td key={y.fiscalYear}>
                            {percentText(c.coverage)}{' '}
                            <span className="muted">
                              (
                              <CompletedOfRequired
                                counts={c}
                                labelOf={(figure) => `${label}: ${figure}`}
                                people={{
                                  fiscalYear: y.fiscalYear,
                                  roleGroup: g === 'all' ? undefined : g,
                                }}
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
    </ReportSection>
  );
}
