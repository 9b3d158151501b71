import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { authKeys } from '../../auth/index.ts';
import { accountKeys } from './keys.ts';

/** Whether single sign-on is required, and the break-glass admin accounts. */
export function useSignInSettings() {
  return useQuery({
    queryKey: accountKeys.signInSettings,
    queryFn: ({ signal }) =>
      unwrap(api.api.accounts['sign-in-settings'].$get(undefined, { init: { signal } })),
  });
}

/** Requires single sign-on, or stops requiring it (audited by the API). */
export function useRequireSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ssoRequired: boolean) =>
      unwrap(api.api.accounts['sign-in-settings'].$put({ json: { ssoRequired } })),
    onSuccess: (settings) => {
      queryClient.setQueryData(accountKeys.signInSettings, settings);
      void queryClient.invalidateQueries({ queryKey: authKeys.singleSignOn });
    },
  });
}

/** Marks or unmarks an admin account as break-glass (audited by the API). */
export function useSetBreakGlass(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (breakGlass: boolean) =>
      unwrap(
        api.api.accounts[':id']['break-glass'].$put({
          param: { id: String(staffId) },
          json: { breakGlass },
        }),
      ),
    onSuccess: (settings) => {
      queryClient.setQueryData(accountKeys.signInSettings, settings);
      void queryClient.invalidateQueries({ queryKey: accountKeys.roles(staffId) });
    },
  });
}
