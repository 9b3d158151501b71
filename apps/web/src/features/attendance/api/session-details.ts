import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { ATTENDANCE_QUERY_KEY } from './attendance-sheet.ts';

/** The session itself (course, time, venue, trainers), for the sheet's and print page's title. */
export async function getSessionDetails(sessionId: number, signal?: AbortSignal) {
  return unwrap(
    api.api.sessions[':id'].$get({ param: { id: String(sessionId) } }, { init: { signal } }),
  );
}

export function sessionDetailsQueryOptions(sessionId: number) {
  return queryOptions({
    queryKey: [...ATTENDANCE_QUERY_KEY, 'session', sessionId],
    queryFn: ({ signal }) => getSessionDetails(sessionId, signal),
    staleTime: 60_000,
  });
}

export function useSessionDetails(sessionId: number | undefined) {
  return useQuery({
    ...sessionDetailsQueryOptions(sessionId ?? 0),
    enabled: sessionId !== undefined,
  });
}
