import type { Role } from '@kenshu/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const rolesKey = (staffId: number) => ['accounts', 'roles', staffId] as const;

/** A person's roles: from the HR roster (read-only here) and granted by admins. */
export function useAccountRoles(staffId: number) {
  return useQuery({
    queryKey: rolesKey(staffId),
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
      queryClient.setQueryData(rolesKey(staffId), roles);
      // Role badges in staff lists, and the viewer's own menu if they changed themselves.
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'people'] });
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
