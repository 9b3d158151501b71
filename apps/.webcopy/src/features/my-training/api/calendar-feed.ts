import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Creates (or replaces) my private calendar feed; the URL comes back once and is not stored. */
export async function createCalendarFeed() {
  const { url } = await unwrap(api.api.me['calendar-feed'].$post());
  return url;
}

/** Revokes my calendar feed: calendar apps subscribed to it stop getting updates. */
export function revokeCalendarFeed() {
  return unwrap(api.api.me['calendar-feed'].$delete());
}

// Neither changes anything a query shows (the URL is never readable again), so nothing to refetch.
export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: createCalendarFeed });
}

export function useRevokeCalendarFeed() {
  return useMutation({ mutationFn: revokeCalendarFeed });
}
