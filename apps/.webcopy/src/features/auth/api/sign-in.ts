import type { Me } from '@kenshu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../../../lib/api-client.ts';
import { ME_QUERY_KEY } from './get-me.ts';

export interface SignInInput {
  /** Staff number or e-mail. */
  login: string;
  password: string;
}

export function signIn(input: SignInInput): Promise<Me> {
  return unwrap(api.api.auth['sign-in'].$post({ json: input }));
}

/**
 * Signs in; on success the new session's CSRF token is used from then on and the person is in
 * the cache, so the next page renders at once.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}
