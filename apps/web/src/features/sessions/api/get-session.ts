import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { sessionKeys } from './keys.ts';

/** One session, cancelled ones included. */
export function getSession(id: number, signal?: AbortSignal) {
  return unwrap(api.api.sessions[':id'].$get({ param: { id: String(id) } }, { init: { signal } }));
}

export function sessionQueryOptions(id: number) {
  return queryOptions({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => getSession(id, signal),
  });
}

export function useSession(id: number) {
  return useQuery(sessionQueryOptions(id));
}
