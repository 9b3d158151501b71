import { useMutation } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../../lib/api-client.ts';

/**
 * Ends this session on the server. Already signed out (401) counts as done. A session begun with
 * single sign-on answers with the provider's sign-out page, where the browser goes next.
 */
export async function signOut(): Promise<{ endSessionUrl: string | null }> {
  try {
    const signedOut = await unwrap(api.api.auth['sign-out'].$post());
    return { endSessionUrl: signedOut?.endSessionUrl ?? null };
  } catch (error) {
    if (isApiError(error) && error.status === 401) return { endSessionUrl: null };
    throw error;
  }
}

/** Signing out; the caller then loads the sign-in page (or the provider's sign-out) in full. */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
