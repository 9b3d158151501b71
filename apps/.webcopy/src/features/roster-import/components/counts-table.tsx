import { useTranslation } from 'react-i18next';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import type { RosterPreview } from '../api/upload-roster.ts';
import { useCount } from '../utils/format.ts';

const KINDS = ['new', 'changed', 'moved', 'deactivated', 'unchanged'] as const;

/** People and units by kind of change: the preview's summary, and again after applying. */
export function CountsTable({ counts }: { counts: RosterPreview['counts'] }) {
  const { t } = useTranslation();
  const count = useCount();
  const rows = KINDS.map((kind) => ({
    id: kind,
    label: t(`rosterImport.changeKinds.${kind}`),
    staff: count(counts.staff[kind]),
    // Units are never deactivated by an import: missing units are simply left alone.
    units:
      kind === 'deactivated'
        ? t('rosterImport.preview.counts.notApplicable')
        : count(counts.units[kind]),
  }));
  return (
    <Table aria-label={t('rosterImport.preview.counts.label')}>
      <TableHeader>
        <Column isRowHeader>{t('rosterImport.preview.counts.kind')}</Column>
        <Column>{t('rosterImport.preview.counts.staff')}</Column>
        <Column>{t('rosterImport.preview.counts.units')}</Column>
      </TableHeader>
      <TableBody items={rows}>
        {(row) => (
          <Row id={row.id}>
            <Cell>{row.label}</Cell>
            <Cell>{row.staff}</Cell>
            <Cell>{row.units}</Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
