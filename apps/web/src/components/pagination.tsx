import { PAGE_SIZES, type PageSize } from '../lib/paging.ts';
import { Button } from './button.tsx';
import { Select } from './select.tsx';
import { useTranslation } from '../lib/i18n.ts';

export interface PaginationProps {
  /** Zero-based index of the first row shown. */
  offset: number;
  limit: PageSize;
  total: number;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: PageSize) => void;
}

/** "1–25 of 200", previous/next and rows per page, for an offset-paged list. */
export function Pagination({
  offset,
  limit,
  total,
  onOffsetChange,
  onLimitChange,
}: PaginationProps) {
  const { t } = useTranslation();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination__range" aria-live="polite">
        {t('pagination.range', { from, to, total })}
      </p>
      <div className="pagination__controls">
        <Select
          label={t('pagination.pageSize')}
          options={PAGE_SIZES.map((size) => ({
            id: size,
            label: t('pagination.pageSizeOption', { count: size }),
          }))}
          value={limit}
          onChange={onLimitChange}
        />
        <div className="pagination__buttons">
          <Button
            isDisabled={offset === 0}
            onPress={() => onOffsetChange(Math.max(0, offset - limit))}
          >
            {t('pagination.previous')}
          </Button>
          <Button isDisabled={to >= total} onPress={() => onOffsetChange(offset + limit)}>
            {t('pagination.next')}
          </Button>
        </div>
      </div>
    </nav>
  );
}
