import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { orgUnitKeys } from './keys.ts';

/** Section heads who oversee a unit, and those HR lists in it who oversee another (admins). */
export function useSectionHeads(unitId: number) {
  return useQuery({
    queryKey: orgUnitKeys.sectionHeads(unitId),
    queryFn: async ({ signal }) => {
      const { items } = await unwrap(
        api.api['org-units'][':id']['section-heads'].$get(
          { param: { id: String(unitId) } },
          { init: { signal } },
        ),
      );
      return items;
    },
  });
}

/** Sets whether a unit's staff can attend group sessions (audited by the API). */
export function useSetGroupSessions(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hasGroupSessions: boolean) =>
      unwrap(
        api.api['org-units'][':id']['group-sessions'].$put({
          param: { id: String(unitId) },
          json: { hasGroupSessions },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orgUnitKeys.all }),
  });
}

/**
 * Makes a section head oversee this unit (`set`) or go back to their own (`clear`), audited by
 * the API. Both units' lists change, so every unit's list is refetched.
 */
export function useChangeSectionHeadOversight(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      staffId,
      action,
      oversightUnitId = unitId,
    }: {
      staffId: number;
      action: 'set' | 'clear';
      /** For `clear`: the unit the person was set to oversee, when it is not this one. */
      oversightUnitId?: number;
    }) => {
      const route = api.api['org-units'][':id']['section-heads'][':staffId'];
      const param = { id: String(oversightUnitId), staffId: String(staffId) };
      return unwrap(action === 'set' ? route.$put({ param }) : route.$delete({ param }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orgUnitKeys.all }),
  });
}
