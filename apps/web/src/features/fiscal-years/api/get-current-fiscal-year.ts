import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { fiscalYearKeys } from './keys.ts';

/** The fiscal year of today in Tokyo, by the server's clock (a device's clock may be wrong). */
export function getCurrentFiscalYear(signal?: AbortSignal) {
  return unwrap(api.api['fiscal-years'].current.$get(undefined, { init: { signal } }));
}

export function currentFiscalYearQueryOptions() {
  return queryOptions({
    queryKey: fiscalYearKeys.current,
    queryFn: ({ signal }) => getCurrentFiscalYear(signal),
    // It changes once a year, on 1 April; an hour's staleness is harmless.
    staleTime: 60 * 60 * 1000,
  });
}

export function useCurrentFiscalYear() {
  return useQuery(currentFiscalYearQueryOptions());
}
