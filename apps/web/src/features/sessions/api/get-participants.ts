import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { sessionKeys } from './keys.ts';

/** A session's participants: every booking, cancelled ones too, each with its history. */
export async function getParticipants(id: number, signal?: AbortSignal) {
  const { items } = await unwrap(
    // The API path keeps its earlier name, `roster` (see the contract).
    api.api.sessions[':id'].roster.$get({ param: { id: String(id) } }, { init: { signal } }),
  );
  return items;
}

export function participantsQueryOptions(id: number) {
  return queryOptions({
    queryKey: sessionKeys.participants(id),
    queryFn: ({ signal }) => getParticipants(id, signal),
  });
}

export function useParticipants(id: number) {
  return useQuery(participantsQueryOptions(id));
}
