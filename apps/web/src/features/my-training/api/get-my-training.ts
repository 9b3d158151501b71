import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { myTrainingKeys } from './keys.ts';

/** My record for the current fiscal year (by the server's clock): each course I must take. */
export function getMyTraining(signal?: AbortSignal) {
  return unwrap(api.api.me.training.$get({ query: {} }, { init: { signal } }));
}

export function myTrainingQueryOptions() {
  return queryOptions({
    queryKey: myTrainingKeys.all,
    queryFn: ({ signal }) => getMyTraining(signal),
  });
}

export function useMyTraining() {
  return useQuery(myTrainingQueryOptions());
}

/** One course of my record, as the API sends it. */
export type RequirementItem = Awaited<ReturnType<typeof getMyTraining>>['items'][number];
/** A booking (seat or waitlist place) of mine, as the record shows it. */
export type MyBooking = NonNullable<RequirementItem['booking']>;
