import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { ATTENDANCE_QUERY_KEY } from './attendance-sheet.ts';

/** teaching: the sessions I teach; all: every session (admins). */
export type TeachingScope = 'teaching' | 'all';

/** Sessions of the current fiscal year that the viewer teaches (or all of them), soonest first. */
export async function listTeachingSessions(scope: TeachingScope, signal?: AbortSignal) {
  const { items } = await unwrap(api.api.sessions.$get({ query: { scope } }, { init: { signal } }));
  return items;
}

export function teachingSessionsQueryOptions(scope: TeachingScope) {
  return queryOptions({
    queryKey: [...ATTENDANCE_QUERY_KEY, 'sessions', scope],
    queryFn: ({ signal }) => listTeachingSessions(scope, signal),
  });
}

export function useTeachingSessions(scope: TeachingScope) {
  return useQuery(teachingSessionsQueryOptions(scope));
}
