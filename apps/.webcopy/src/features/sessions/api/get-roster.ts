import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { SESSIONS_QUERY_KEY } from './list-sessions.ts';

/** A session's roster: every booking, cancelled ones too, each with its history. */
export async function getRoster(id: number, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.sessions[':id'].roster.$get({ param: { id: String(id) } }, { init: { signal } }),
  );
  return items;
}

export function rosterQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...SESSIONS_QUERY_KEY, 'roster', id],
    queryFn: ({ signal }) => getRoster(id, signal),
  });
}

export function useRoster(id: number) {
  return useQuery(rosterQueryOptions(id));
}
