import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { staffKeys } from './keys.ts';

/**
 * Someone's record for a fiscal year (the current one when none is given): each course they
 * must take, and where they stand.
 */
export function getStaffTraining(
  staffId: number,
  fiscalYear: number | undefined,
  signal?: AbortSignal,
) {
  return unwrap(
    api.api.staff[':id'].training.$get(
      {
        param: { id: String(staffId) },
        query: fiscalYear === undefined ? {} : { fiscalYear: String(fiscalYear) },
      },
      { init: { signal } },
    ),
  );
}

export function staffTrainingQueryOptions(staffId: number, fiscalYear: number | undefined) {
  return queryOptions({
    queryKey: staffKeys.training(staffId, fiscalYear),
    queryFn: ({ signal }) => getStaffTraining(staffId, fiscalYear, signal),
  });
}

export function useStaffTraining(staffId: number, fiscalYear: number | undefined) {
  return useQuery(staffTrainingQueryOptions(staffId, fiscalYear));
}

/** One course of someone's record, as the API sends it. */
export type StaffRequirement = Awaited<ReturnType<typeof getStaffTraining>>['items'][number];
