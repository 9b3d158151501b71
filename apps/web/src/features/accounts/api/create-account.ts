import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { orgUnitKeys } from '../../org-units/index.ts';
import { staffKeys } from '../../staff/index.ts';
import { accountKeys } from './keys.ts';

export interface NewAccount {
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  orgUnitId: number;
  employmentType: 'regular' | 'part_time' | 'temporary';
  locale: 'ja' | 'en';
}

/** Creates a staff account by hand (admins; audited). */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: NewAccount) => unwrap(api.api.accounts.$post({ json: account })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.people });
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      void queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
    },
  });
}
