import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Issues a one-time set-password link; the API returns it once and keeps only its hash. */
export function useIssuePasswordLink(staffId: number) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.api.accounts[':id']['password-link'].$post({ param: { id: String(staffId) } })),
  });
}

/** E-mails a one-time set-password link to the person through the outbox; nobody sees it. */
export function useEmailPasswordLink(staffId: number) {
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.api.accounts[':id']['password-link'].email.$post({ param: { id: String(staffId) } }),
      ),
  });
}
