import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { authKeys } from './keys.ts';

/** Whether single sign-on is offered, under which name, and whether passwords are turned off. */
export function ssoInfoQueryOptions() {
  return queryOptions({
    queryKey: authKeys.singleSignOn,
    queryFn: () => unwrap(api.api.auth.sso.$get()),
    // Set by the server's configuration and rarely by admins.
    staleTime: 10 * 60_000,
  });
}

export function useSsoInfo() {
  return useQuery(ssoInfoQueryOptions());
}

/**
 * The address that starts a single sign-on: a full page load, since the browser must go to the
 * provider and come back. `next` is checked again by the server.
 */
export function ssoStartHref(next: string | undefined): string {
  return next ? `/api/auth/sso/start?next=${encodeURIComponent(next)}` : '/api/auth/sso/start';
}
