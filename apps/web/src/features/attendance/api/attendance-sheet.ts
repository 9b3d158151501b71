import type { AttendanceSheet } from '@kenshu/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** Every attendance query key starts with this, so one invalidation refreshes them all. */
export const ATTENDANCE_QUERY_KEY = ['attendance'] as const;

export type { AttendanceSheet };
export type AttendanceEntry = AttendanceSheet['entries'][number];
export type AttendanceMark = NonNullable<AttendanceEntry['mark']>;

/** How often the sheet refetches while the check-in code is on show (self check-ins arrive). */
export const LIVE_REFETCH_MS = 5_000;

/** A session's attendance sheet: everyone booked and every walk-in, with their marks. */
export async function getAttendanceSheet(sessionId: number, signal?: AbortSignal) {
  return unwrap(
    api.api.sessions[':id'].attendance.$get(
      { param: { id: String(sessionId) }, query: {} },
      { init: { signal } },
    ),
  );
}

export function attendanceSheetQueryKey(sessionId: number) {
  return [...ATTENDANCE_QUERY_KEY, 'sheet', sessionId] as const;
}

export function attendanceSheetQueryOptions(sessionId: number) {
  return queryOptions({
    queryKey: attendanceSheetQueryKey(sessionId),
    queryFn: ({ signal }) => getAttendanceSheet(sessionId, signal),
    // Other trainers and self check-ins change the sheet; a glance back should show that.
    staleTime: 5_000,
  });
}

/** The sheet; `live` refetches it every few seconds (while the check-in code is shown). */
export function useAttendanceSheet(sessionId: number, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    ...attendanceSheetQueryOptions(sessionId),
    refetchInterval: live ? LIVE_REFETCH_MS : false,
  });
}
