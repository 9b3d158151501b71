import type { Role } from '@kenshu/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { authKeys } from '../../auth/index.ts';
import { staffKeys } from '../../staff/index.ts';
import { accountKeys } from './keys.ts';

/** A person's roles: from the HR staff file (read-only here) and granted by admins. */
export function useAccountRoles(staffId: number) {
  return useQuery({
    queryKey: accountKeys.roles(staffId),
    queryFn: ({ signal }) =>
      unwrap(
        api.api.accounts[':id'].roles.$get(
          { param: { id: String(staffId) } },
          { init: { signal } },
        ),
      ),
  });
}

/** Replaces a person's granted roles (audited by the API). */
export function useUpdateAccountRoles(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantedRoles: Role[]) =>
      unwrap(
        api.api.accounts[':id'].roles.$put({
          param: { id: String(staffId) },
          json: { grantedRoles },
        }),
      ),
    onSuccess: (roles) => {
      queryClient.setQueryData(accountKeys.roles(staffId), roles);
      // Role badges in staff lists, and the viewer's own menu if they changed themselves.
      void queryClient.invalidateQueries({ queryKey: accountKeys.people });
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}
