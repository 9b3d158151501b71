import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { auditLogKeys } from './keys.ts';
import { filterQuery, type AuditFilters } from '../utils/filters.ts';

export interface AuditSearch extends AuditFilters {
  limit: number;
  offset: number;
}

/** One page of the audit log, newest first. */
export function searchAuditLog(search: AuditSearch, signal?: AbortSignal) {
  return unwrap(
    api.api['audit-log'].$get(
      {
        query: {
          ...filterQuery(search),
          limit: String(search.limit),
          offset: String(search.offset),
        },
      },
      { init: { signal } },
    ),
  );
}

/** One audit entry as the API describes it. */
export type AuditEntry = Awaited<ReturnType<typeof searchAuditLog>>['items'][number];

export function auditLogQueryOptions(search: AuditSearch) {
  return queryOptions({
    queryKey: auditLogKeys.search(search),
    queryFn: ({ signal }) => searchAuditLog(search, signal),
    placeholderData: keepPreviousData,
    // The log grows with every privileged change; show what is there now.
    staleTime: 0,
  });
}

export function useAuditLog(search: AuditSearch) {
  return useQuery(auditLogQueryOptions(search));
}
