import type { Me } from '@kenshu/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken, unwrap } from '../../../lib/api-client.ts';

/** The cache key of the signed-in person; everything under `auth` survives a sign-out reset. */
import { authKeys } from './keys.ts';

export const ME_QUERY_KEY = authKeys.me;

/**
 * The signed-in person, or null when nobody is (the API answers 401). Every successful answer
 * carries the session's CSRF token, which the client then sends on state-changing requests.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await unwrap(api.api.auth.me.$get(undefined, { init: { signal } }));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => getMe(signal),
    // Roles change rarely; a refetch on focus after a while also notices an expired session.
    staleTime: 5 * 60_000,
  });
}

/** The signed-in person (data null when signed out). */
export function useMe() {
  return useQuery(meQueryOptions());
}
