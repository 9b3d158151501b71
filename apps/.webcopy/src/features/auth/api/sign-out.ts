import { useMutation } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../../lib/api-client.ts';

/** Ends this session on the server. Already signed out (401) counts as done. */
export async function signOut(): Promise<void> {
  try {
    await unwrap(api.api.auth['sign-out'].$post());
  } catch (error) {
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}

/** Signing out; the caller leaves for the sign-in page and then calls `resetSession`. */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
