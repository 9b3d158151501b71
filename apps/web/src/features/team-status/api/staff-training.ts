import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Someone's record for the current fiscal year: each course they must take, and where they stand. */
export function getStaffTraining(staffId: number, signal?: AbortSignal) {
  return unwrap(
    api.api.staff[':id'].training.$get(
      { param: { id: String(staffId) }, query: {} },
      { init: { signal } },
    ),
  );
}

export function staffTrainingQueryOptions(staffId: number) {
  return queryOptions({
    queryKey: ['staff-training', staffId],
    queryFn: ({ signal }) => getStaffTraining(staffId, signal),
  });
}

export function useStaffTraining(staffId: number) {
  return useQuery(staffTrainingQueryOptions(staffId));
}

/** One course of someone's record, as the API sends it. */
export type StaffRequirement = Awaited<ReturnType<typeof getStaffTraining>>['items'][number];
