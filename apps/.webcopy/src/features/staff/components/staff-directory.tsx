import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../../components/pagination.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import type { PageSize } from '../../../lib/paging.ts';
import { useSearchStaff } from '../api/search-staff.ts';
import { StaffTable } from './staff-table.tsx';
import './staff.css';

const SEARCH_DELAY_MS = 300;

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
 * bookmarked and the back button works); typing is applied after a short pause, Enter at once.
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

  const [text, setText] = useState(q);
  // The search can change from outside (back button, a link): show it, unless it is what was typed.
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    if (q !== text.trim()) setText(q);
  }

  const applySearch = useEffectEvent((value: string) => {
    if (value !== q) onSearchChange(value);
  });
  useEffect(() => {
    const timer = setTimeout(() => applySearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="staff-directory">
      <SearchField
        label={t('staff.searchLabel')}
        description={t('staff.searchDescription')}
        value={text}
        onChange={setText}
        onSubmit={(value) => applySearch(value.trim())}
      />
      <QueryState
        query={query}
        empty={{
          when: (page) => page.total === 0,
          message: q ? t('staff.emptySearch', { q }) : t('staff.empty'),
        }}
      >
        {(page) => (
          <div className="staff-directory__results" aria-busy={query.isPlaceholderData}>
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
