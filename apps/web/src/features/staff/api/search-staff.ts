import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { staffKeys } from './keys.ts';

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
    queryKey: staffKeys.search(search),
    queryFn: ({ signal }) => searchStaff(search, signal),
    // Paging and typing keep the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

export function useSearchStaff(search: StaffSearch) {
  return useQuery(searchStaffQueryOptions(search));
}

const PICKER_LIMIT = 10;

/** The first few staff matching `q`, for choosing a person: whom to book for, who trains, whom to assign. */
export async function searchStaffForPicker(q: string, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.staff.$get(
      { query: { q, limit: String(PICKER_LIMIT), offset: '0' } },
      { init: { signal } },
    ),
  );
  return items;
}

export function staffPickerQueryOptions(q: string) {
  return queryOptions({
    queryKey: staffKeys.picker(q),
    queryFn: ({ signal }) => searchStaffForPicker(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useStaffPicker(q: string) {
  return useQuery(staffPickerQueryOptions(q));
}
