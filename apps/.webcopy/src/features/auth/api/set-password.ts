import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Sets a password with a one-time link token (403 when the link expired or was used). */
export function useSetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      unwrap(api.api.auth.password.$post({ json: input })),
  });
}
