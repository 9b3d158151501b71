import type { OrgUnit } from '@kenshu/contracts';
import { useMemo, useState } from 'react';
import {
  Button as AriaButton,
  Collection,
  type Key,
  Tree,
  TreeItem,
  TreeItemContent,
} from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { ancestorIds, buildOrgTree, type OrgTreeNode } from '../utils/org-tree.ts';
import './org-units.css';

export interface OrgTreeProps {
  units: readonly OrgUnit[];
  selectedUnitId: number | undefined;
  onSelectUnit: (unitId: number) => void;
}

/**
 * The organisation as an expandable tree (ARIA treegrid: arrows move, right/left open and close,
 * Enter or Space selects). Opens at the top level, and down to the selected unit when there is one.
 */
export function OrgTree({ units, selectedUnitId, onSelectUnit }: OrgTreeProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const roots = useMemo(() => buildOrgTree(units), [units]);
  const [expandedKeys, setExpandedKeys] = useState<Set<Key>>(
    () =>
      new Set([
        ...roots.map((root) => root.unit.id),
        ...(selectedUnitId === undefined ? [] : ancestorIds(units, selectedUnitId)),
      ]),
  );

  const renderNode = (node: OrgTreeNode) => {
    const name = localName(node.unit, lang);
    return (
      <TreeItem id={node.unit.id} textValue={name} className="org-tree__item">
        <TreeItemContent>
          {({ hasChildItems }) => (
            <div className="org-tree__row">
              {hasChildItems ? (
                <AriaButton slot="chevron" className="org-tree__chevron">
                  <span className="org-tree__chevron-icon" aria-hidden="true" />
                </AriaButton>
              ) : (
                <span className="org-tree__chevron-spacer" aria-hidden="true" />
              )}
              <span className="org-tree__name">
                {name}
                {node.unit.kind === 'agency' ? (
                  <>
                    {' '}
                    <Badge>{t('organisation.kinds.agency')}</Badge>
                  </>
                ) : null}
              </span>
              <span className="org-tree__count">
                {t('common.staffCount', { count: node.subtreeStaffCount })}
              </span>
            </div>
          )}
        </TreeItemContent>
        <Collection items={node.children} dependencies={[lang, t]}>
          {renderNode}
        </Collection>
      </TreeItem>
    );
  };

  return (
    <Tree
      aria-label={t('organisation.treeLabel')}
      className="org-tree"
      items={roots}
      // Names and counts are rendered from the language, so the cached items must follow it.
      dependencies={[lang, t]}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={selectedUnitId === undefined ? [] : [selectedUnitId]}
      onSelectionChange={(keys) => {
        if (keys === 'all') return;
        for (const key of keys) if (typeof key === 'number') onSelectUnit(key);
      }}
      expandedKeys={expandedKeys}
      onExpandedChange={setExpandedKeys}
    >
      {renderNode}
    </Tree>
  );
}
