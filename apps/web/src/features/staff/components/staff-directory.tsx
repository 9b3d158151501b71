import { useTranslation } from '../../../lib/i18n.ts';
import { Pagination } from '../../../components/pagination.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import type { PageSize } from '../../../lib/paging.ts';
import { useSearchText } from '../../../lib/use-search-text.ts';
import { useSearchStaff } from '../api/search-staff.ts';
import { StaffTable } from './staff-table.tsx';
import './staff.css';

export interface StaffDirectoryProps {
  /** Whose staff: this unit and the units under it; everyone when absent. */
  orgUnitId: number | undefined;
  /** The unit's name (or "all staff"), for the table's accessible name. */
  scopeName: string;
  q: string;
  offset: number;
  limit: PageSize;
  onSearchChange: (q: string) => void;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: PageSize) => void;
}

/**
 * Searchable, paged staff list. The caller owns the search state (the URL, so a search can be
 * bookmarked and the back button works).
 */
export function StaffDirectory({
  orgUnitId,
  scopeName,
  q,
  offset,
  limit,
  onSearchChange,
  onOffsetChange,
  onLimitChange,
}: StaffDirectoryProps) {
  const { t } = useTranslation();
  const query = useSearchStaff({ orgUnitId, q: q || undefined, limit, offset });

  const search = useSearchText(q, onSearchChange);

  return (
    <div className="staff-directory stack">
      <SearchField
        label={t('staff.searchLabel')}
        description={t('staff.searchDescription')}
        {...search}
      />
      <QueryState
        query={query}
        empty={{
          when: (page) => page.total === 0,
          message: q ? t('staff.emptySearch', { q }) : t('staff.empty'),
        }}
      >
        {(page) => (
          <div className="dim-while-busy" aria-busy={query.isPlaceholderData}>
            <StaffTable label={t('staff.tableLabel', { unit: scopeName })} staff={page.items} />
            <Pagination
              offset={offset}
              limit={limit}
              total={page.total}
              onOffsetChange={onOffsetChange}
              onLimitChange={onLimitChange}
            />
          </div>
        )}
      </QueryState>
    </div>
  );
}
