import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const PICKER_LIMIT = 10;

/** The first few staff matching `q`, for choosing whom to book for (or who trains). */
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
    queryKey: ['staff', 'picker', q],
    queryFn: ({ signal }) => searchStaffForPicker(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useStaffPicker(q: string) {
  return useQuery(staffPickerQueryOptions(q));
}
