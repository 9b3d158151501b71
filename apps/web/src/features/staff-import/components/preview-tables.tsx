import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Pagination } from '../../../components/pagination.tsx';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import { DEFAULT_PAGE_SIZE, type PageSize } from '../../../lib/paging.ts';
import type { StaffImportPreview } from '../api/upload-staff-import.ts';
import { useProblemReason } from '../utils/format.ts';

/**
 * Pages through a list already in memory (the API sends up to 1,000 rows), so a file with many
 * errors does not render a thousand table rows at once.
 */
function usePage<T>(items: readonly T[]) {
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  return {
    rows: items.slice(offset, offset + limit),
    pagination:
      items.length > limit ? (
        <Pagination
          offset={offset}
          limit={limit}
          total={items.length}
          onOffsetChange={setOffset}
          onLimitChange={(size) => {
            setLimit(size);
            setOffset(0);
          }}
        />
      ) : null,
  };
}

function Truncated({
  shown,
  total,
  children,
}: {
  shown: number;
  total: number;
  children: ReactNode;
}) {
  return shown < total ? <p className="staff-import__note">{children}</p> : null;
}

/** Every problem found in the file (the first 1,000), by line. */
export function ErrorsTable({ preview }: { preview: StaffImportPreview }) {
  const { t } = useTranslation();
  const reason = useProblemReason();
  const { rows, pagination } = usePage(preview.errors);
  return (
    <>
      <Table aria-label={t('staffImport.preview.errors.label')}>
        <TableHeader>
          <Column isRowHeader>{t('staffImport.preview.errors.line')}</Column>
          <Column>{t('staffImport.preview.errors.reason')}</Column>
          <Column>{t('staffImport.preview.errors.detail')}</Column>
        </TableHeader>
        <TableBody
          items={rows.map((problem, index) => ({ ...problem, id: `${problem.line}-${index}` }))}
        >
          {(problem) => (
            <Row id={problem.id}>
              <Cell>{problem.line}</Cell>
              <Cell>{reason(problem.code)}</Cell>
              {/* The API's own words: they name the column, value or line at fault. */}
              <Cell>
                <span lang="en">{problem.message}</span>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {pagination}
      <Truncated shown={preview.errors.length} total={preview.errorCount}>
        {t('staffImport.preview.errors.truncated', {
          shown: preview.errors.length,
          total: preview.errorCount,
        })}
      </Truncated>
    </>
  );
}

/** What applying the file would change (the first 1,000 changes). */
export function ChangesTable({ preview }: { preview: StaffImportPreview }) {
  const { t } = useTranslation();
  const { rows, pagination } = usePage(preview.changes);
  return (
    <>
      <Table aria-label={t('staffImport.preview.changes.label')}>
        <TableHeader>
          <Column>{t('staffImport.preview.changes.line')}</Column>
          <Column>{t('staffImport.preview.changes.recordType')}</Column>
          <Column isRowHeader>{t('staffImport.preview.changes.key')}</Column>
          <Column>{t('staffImport.preview.changes.name')}</Column>
          <Column>{t('staffImport.preview.changes.change')}</Column>
          <Column>{t('staffImport.preview.changes.fields')}</Column>
        </TableHeader>
        <TableBody
          items={rows.map((change) => ({ ...change, id: `${change.recordType}:${change.key}` }))}
        >
          {(change) => (
            <Row id={change.id}>
              <Cell>{change.line ?? t('staffImport.preview.changes.noLine')}</Cell>
              <Cell>{t(`staffImport.preview.recordTypes.${change.recordType}`)}</Cell>
              <Cell>{change.key}</Cell>
              <Cell>{change.name}</Cell>
              <Cell>{t(`staffImport.changeKinds.${change.change}`)}</Cell>
              {/* Column names of the file, which the HR staff who made it know. */}
              <Cell>
                <span className="staff-import__fields">{change.fields.join(', ')}</span>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {pagination}
      <Truncated shown={preview.changes.length} total={preview.changeCount}>
        {t('staffImport.preview.changes.truncated', {
          shown: preview.changes.length,
          total: preview.changeCount,
        })}
      </Truncated>
    </>
  );
}
