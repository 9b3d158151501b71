import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

import { authKeys } from './keys.ts';

const MY_SESSIONS_KEY = authKeys.signIns;

export async function getMySessions(signal?: AbortSignal) {
  const { items } = await unwrap(api.api.auth.sessions.$get(undefined, { init: { signal } }));
  return items;
}

/** One active sign-in session, as the API describes it. */
export type ActiveSession = Awaited<ReturnType<typeof getMySessions>>[number];

export function mySessionsQueryOptions() {
  return queryOptions({
    queryKey: MY_SESSIONS_KEY,
    queryFn: ({ signal }) => getMySessions(signal),
    staleTime: 0,
  });
}

/** My active sign-in sessions, newest first, the current one marked. */
export function useMySessions() {
  return useQuery(mySessionsQueryOptions());
}

/** Ends one of my other sessions. */
export function useEndMySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      unwrap(api.api.auth.sessions[':sessionId'].$delete({ param: { sessionId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY }),
  });
}

/** Ends every session of mine except this one. */
export function useEndMyOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.auth.sessions['end-others'].$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY }),
  });
}
