import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { SESSIONS_QUERY_KEY } from './list-sessions.ts';

/** One session, cancelled ones included. */
export function getSession(id: number, signal?: AbortSignal) {
  return unwrap(api.api.sessions[':id'].$get({ param: { id: String(id) } }, { init: { signal } }));
}

export function sessionQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...SESSIONS_QUERY_KEY, 'detail', id],
    queryFn: ({ signal }) => getSession(id, signal),
  });
}

export function useSession(id: number) {
  return useQuery(sessionQueryOptions(id));
}
