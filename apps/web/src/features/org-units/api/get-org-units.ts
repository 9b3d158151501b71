import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { orgUnitKeys } from './keys.ts';

/** Every organisation unit, parents before children, with its own active staff count. */
export async function getOrgUnits(signal?: AbortSignal) {
  const { items } = await unwrap(api.api['org-units'].$get(undefined, { init: { signal } }));
  return items;
}

export function orgUnitsQueryOptions() {
  return queryOptions({
    queryKey: orgUnitKeys.all,
    queryFn: ({ signal }) => getOrgUnits(signal),
  });
}

export function useOrgUnits() {
  return useQuery(orgUnitsQueryOptions());
}
