import type { InvitationRequest } from '@kenshu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { accountKeys } from './keys.ts';

export type InvitationChoice = InvitationRequest;

/** Who an invitation run would reach now, and who it leaves out and why. */
export function useInvitationPreview(choice: InvitationChoice) {
  return useQuery({
    queryKey: accountKeys.invitationPreview(choice),
    queryFn: ({ signal }) =>
      unwrap(api.api.accounts.invitations.preview.$post({ json: choice }, { init: { signal } })),
    // A preview is about this moment: fetched afresh each time.
    gcTime: 0,
  });
}

/** E-mails a one-time set-password link to everyone chosen, through the outbox. */
export function useSendInvitations() {
  return useMutation({
    mutationFn: (choice: InvitationChoice) =>
      unwrap(api.api.accounts.invitations.$post({ json: choice })),
  });
}
