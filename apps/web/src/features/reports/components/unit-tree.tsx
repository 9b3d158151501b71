import { useMemo, useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AnnualReport } from '../api/reports.ts';
import {
  CompletedOfRequired,
  FigureButton,
  percentText,
  RequiredCompletedCells,
  type ShowPeople,
} from './figure-button.tsx';
import { ReportTableHead } from './report-table-head.tsx';

type Unit = AnnualReport['units'][number];
type Order = 'tree' | 'coverageAsc' | 'coverageDesc';

/**
 * The units as an expandable tree table with roll-up: each row shows its subtree and, apart, its
 * own staff. It opens to the bureau level (局・財務局・税関…), and siblings can be ordered by
 * coverage so the weakest show first.
 */
export function UnitTree({
  units,
  onShowPeople,
}: {
  units: AnnualReport['units'];
  onShowPeople: ShowPeople;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [order, setOrder] = useState<Order>('tree');
  const children = useMemo(() => {
    const map = new Map<number | null, Unit[]>();
    const ids = new Set(units.map((u) => u.id));
    for (const u of units) {
      const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), u]);
    }
    return map;
  }, [units]);
  const roots = children.get(null) ?? [];
  // Open down to the bureaus: the roots, and whatever lies above a bureau.
  const [open, setOpen] = useState<Set<number>>(
    () =>
      new Set(
        units
          .filter(
            (u) => u.kind === 'ministry' || roots.some((r) => r.id === u.id && r.kind !== 'bureau'),
          )
          .map((u) => u.id),
      ),
  );
  const sorted = (list: Unit[]) => {
    if (order === 'tree') return list;
    const key = (u: Unit) => u.subtree.coverage ?? 2;
    return [...list].sort((a, b) => (order === 'coverageAsc' ? key(a) - key(b) : key(b) - key(a)));
  };

  const rows: { unit: Unit; level: number }[] = [];
  const walk = (list: Unit[], level: number) => {
    for (const u of sorted(list)) {
      rows.push({ unit: u, level });
      if (open.has(u.id)) walk(children.get(u.id) ?? [], level + 1);
    }
  };
  walk(roots, 0);

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <label className="report-order">
        {t('reports.sortBy')}{' '}
        <select value={order} onChange={(e) => setOrder(e.target.value as Order)}>
          {(['tree', 'coverageAsc', 'coverageDesc'] as const).map((o) => (
            <option key={o} value={o}>
              {t(`reports.sort.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="table-frame">
        <table className="report-table report-units">
          <ReportTableHead
            headings={[
              t('reports.unit'),
              t('reports.required'),
              t('reports.completed'),
              t('reports.notCompleted'),
              t('reports.coverage'),
              t('reports.own'),
            ]}
          />
          <tbody>
            {rows.map(({ unit, level }) => {
              const name = localName(unit, lang);
              const hasChildren = (children.get(unit.id) ?? []).length > 0;
              const isOpen = open.has(unit.id);
              const s = unit.subtree;
              return (
                <tr key={unit.id} className={`report-units__row report-units__row--${unit.kind}`}>
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + level * 1.25}rem` }}>
                    {hasChildren ? (
                      <AriaButton
                        className="report-units__toggle"
                        aria-expanded={isOpen}
                        aria-label={t(isOpen ? 'reports.collapse' : 'reports.expand', { name })}
                        onPress={() => toggle(unit.id)}
                      >
                        {isOpen ? '▾' : '▸'}
                      </AriaButton>
                    ) : (
                      <span className="report-units__spacer" aria-hidden="true" />
                    )}
                    {name}
                    {unit.kind === 'agency' ? (
                      <>
                        {' '}
                        <Badge>{t('organisation.kinds.agency')}</Badge>
                      </>
                    ) : null}
                  </th>
                  <RequiredCompletedCells
                    label={name}
                    counts={s}
                    people={{ orgUnitId: unit.id }}
                    onShowPeople={onShowPeople}
                  />
                  <td>
                    <FigureButton
                      value={s.required - s.completed}
                      label={`${name}: ${t('reports.notCompleted')}`}
                      people={{ orgUnitId: unit.id, status: 'not_completed' }}
                      onShowPeople={onShowPeople}
                    />
                  </td>
                  <td>{percentText(s.coverage)}</td>
                  <td>
                    {unit.own.required > 0 ? (
                      <CompletedOfRequired
                        counts={unit.own}
                        labelOf={(figure) => `${name}: ${t('reports.own')} ${figure}`}
                        people={{ orgUnitId: unit.id, within: 'own' }}
                        onShowPeople={onShowPeople}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
