import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export interface StaffSearch {
  /** Only this unit and the units under it; all staff when absent. */
  orgUnitId?: number | undefined;
  /** Staff number, name, kana or e-mail. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of staff matching the search. */
export function searchStaff(search: StaffSearch, signal?: AbortSignal) {
  return unwrap(
    api.api.staff.$get(
      {
        query: {
          limit: String(search.limit),
          offset: String(search.offset),
          ...(search.orgUnitId === undefined ? {} : { orgUnitId: String(search.orgUnitId) }),
          ...(search.q ? { q: search.q } : {}),
        },
      },
      { init: { signal } },
    ),
  );
}

export function searchStaffQueryOptions(search: StaffSearch) {
  return queryOptions({
    queryKey: ['staff', 'search', search],
    queryFn: ({ signal }) => searchStaff(search, signal),
    // Paging and typing keep the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

export function useSearchStaff(search: StaffSearch) {
  return useQuery(searchStaffQueryOptions(search));
}
