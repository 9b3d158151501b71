import { useTranslation } from '../../../lib/i18n.ts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import type { StaffImportPreview } from '../api/upload-staff-import.ts';
import { useCount } from '../utils/format.ts';

const KINDS = ['new', 'changed', 'moved', 'deactivated', 'unchanged'] as const;

/** People and units by kind of change: the preview's summary, and again after applying. */
export function CountsTable({ counts }: { counts: StaffImportPreview['counts'] }) {
  const { t } = useTranslation();
  const count = useCount();
  const rows = KINDS.map((kind) => ({
    id: kind,
    label: t(`staffImport.changeKinds.${kind}`),
    staff: count(counts.staff[kind]),
    // Units are never deactivated by an import: missing units are simply left alone.
    units:
      kind === 'deactivated'
        ? t('staffImport.preview.counts.notApplicable')
        : count(counts.units[kind]),
  }));
  return (
    <Table aria-label={t('staffImport.preview.counts.label')}>
      <TableHeader>
        <Column isRowHeader>{t('staffImport.preview.counts.kind')}</Column>
        <Column>{t('staffImport.preview.counts.staff')}</Column>
        <Column>{t('staffImport.preview.counts.units')}</Column>
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
