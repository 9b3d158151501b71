import { useState } from 'react';
import { QueryState } from '../../../components/query-state.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  exportHref,
  useReportPeople,
  type PeopleFilters,
  type ReportFilters,
} from '../api/reports.ts';
import { CloseButton } from './close-button.tsx';

const PAGE = 50;

/** A figure opened to the people behind it: which people, and the words naming the figure. */
export type Drill = PeopleFilters & { orgUnitId?: number | undefined; label: string };

/** The people behind the figure last chosen, a page at a time, with their CSV. */
export function PeoplePanel({
  filters,
  drill,
  onClose,
}: {
  filters: ReportFilters;
  drill: Drill;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [offset, setOffset] = useState(0);
  const { label, ...people } = drill;
  const query = { ...filters, ...people };
  const list = useReportPeople(query, { limit: PAGE, offset });
  return (
    <section className="card report-section report-people" aria-live="polite">
      <h2 className="card__title">
        {t('reports.people')}: {label}
      </h2>
      <p>
        <a href={exportHref('people', query, lang)} download>
          {t('reports.downloadCsv')}
        </a>{' '}
        <CloseButton onPress={onClose} label={t('reports.closePeople')} />
      </p>
      <QueryState query={list}>
        {(page) => (
          <>
            <p>{t('reports.peopleCount', { count: page.total })}</p>
            <div className="table-frame">
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.staffNumber')}</th>
                    <th scope="col">{t('reports.name')}</th>
                    <th scope="col">{t('reports.unit')}</th>
                    <th scope="col">{t('reports.group')}</th>
                    <th scope="col">{t('reports.employmentType')}</th>
                    <th scope="col">{t('reports.method')}</th>
                    <th scope="col">{t('reports.completedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.staffId}>
                      <td>{p.staffNumber}</td>
                      <th scope="row">{p.name}</th>
                      <td>{localName(p.unit, lang)}</td>
                      <td>{t(`reports.groups.${p.roleGroup}`)}</td>
                      <td>{t(`reports.types.${p.employmentType}`)}</td>
                      <td>{p.method ? t(`reports.methodNames.${p.method}`) : '—'}</td>
                      <td>{p.completedOn ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.total > PAGE ? (
              <p className="report-paging">
                <CloseButton label="←" onPress={() => setOffset(Math.max(0, offset - PAGE))} />{' '}
                {offset + 1}–{Math.min(offset + PAGE, page.total)} / {page.total}{' '}
                <CloseButton
                  label="→"
                  onPress={() => setOffset(offset + PAGE < page.total ? offset + PAGE : offset)}
                />
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
