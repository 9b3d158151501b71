import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { ATTENDANCE_QUERY_KEY } from './attendance-sheet.ts';

/** People who might have walked in to a session, by name, kana or staff number (up to 10). */
export async function findWalkIns(sessionId: number, q: string, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.sessions[':id'].attendance.people.$get(
      { param: { id: String(sessionId) }, query: { q } },
      { init: { signal } },
    ),
  );
  return items;
}

export type WalkInCandidate = Awaited<ReturnType<typeof findWalkIns>>[number];

export function walkInSearchQueryOptions(sessionId: number, q: string) {
  return queryOptions({
    queryKey: [...ATTENDANCE_QUERY_KEY, 'walk-in-search', sessionId, q],
    queryFn: ({ signal }) => findWalkIns(sessionId, q, signal),
    placeholderData: keepPreviousData,
  });
}

/** Searches once something is typed; the previous answer stays while the next one comes. */
export function useWalkInSearch(sessionId: number, q: string) {
  return useQuery({ ...walkInSearchQueryOptions(sessionId, q), enabled: q !== '' });
}
