import type { Me } from '@kenshu/contracts';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export interface SignInInput {
  /** Staff number or e-mail. */
  login: string;
  password: string;
}

export function signIn(input: SignInInput): Promise<Me> {
  return unwrap(api.api.auth['sign-in'].$post({ json: input }));
}

/**
 * Signs in. The sign-in page then loads the next page in full, which asks who is signed in and
 * so gets the new session's CSRF token: nothing of this page's memory is needed afterwards.
 */
export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
