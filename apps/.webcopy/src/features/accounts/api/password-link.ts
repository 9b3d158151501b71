import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Issues a one-time set-password link; the API returns it once and keeps only its hash. */
export function useIssuePasswordLink(staffId: number) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.api.accounts[':id']['password-link'].$post({ param: { id: String(staffId) } })),
  });
}
