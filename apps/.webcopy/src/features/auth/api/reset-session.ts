import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client.ts';
import { ME_QUERY_KEY } from './get-me.ts';

/**
 * Forgets everything the signed-in person loaded (another person may sign in next on this
 * device) and marks nobody as signed in. Call it once the sign-in page is showing, so no page
 * that is still mounted refetches its data in the meantime.
 */
export function resetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(ME_QUERY_KEY, null);
}
