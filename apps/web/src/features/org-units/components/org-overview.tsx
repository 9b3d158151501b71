import type { OrgUnit } from '@kenshu/contracts';
import { useMemo } from 'react';
import { Link } from '../../../components/link.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { buildOrgTree } from '../utils/org-tree.ts';
import './org-units.css';

export interface OrgOverviewProps {
  units: readonly OrgUnit[];
  /** Link each main unit to its staff; only for viewers who may browse staff. */
  linkUnits: boolean;
}

/**
 * Headline figures of the organisation and its main units: the children of the top unit, or
 * the top units themselves when there are several.
 */
export function OrgOverview({ units, linkUnits }: OrgOverviewProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const roots = useMemo(() => buildOrgTree(units), [units]);
  const totalStaff = roots.reduce((sum, root) => sum + root.subtreeStaffCount, 0);
  const [onlyRoot] = roots;
  const mainUnits = roots.length === 1 && onlyRoot ? onlyRoot.children : roots;

  return (
    <>
      <dl className="figures">
        <div className="figures__item">
          <dt>{t('dashboard.organisation.totalStaff')}</dt>
          <dd>{t('common.staffCount', { count: totalStaff })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('dashboard.organisation.units')}</dt>
          <dd>{t('dashboard.organisation.unitCount', { count: units.length })}</dd>
        </div>
      </dl>
      <h3 className="subheading">{t('dashboard.organisation.topUnits')}</h3>
      <ul className="unit-list">
        {mainUnits.map((node) => (
          <li key={node.unit.id} className="unit-list__item">
            {linkUnits ? (
              <Link to="/organisation" search={{ unit: node.unit.id }} className="text-link">
                {localName(node.unit, lang)}
              </Link>
            ) : (
              <span>{localName(node.unit, lang)}</span>
            )}
            <span className="unit-list__count">
              {t('common.staffCount', { count: node.subtreeStaffCount })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
