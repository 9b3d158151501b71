import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { ATTENDANCE_QUERY_KEY } from './attendance-sheet.ts';

/** The code rotates every 30 s (the one before stays valid); asking this often keeps it fresh. */
export const CODE_REFETCH_MS = 10_000;

/** The current self check-in code of a session: digits, QR image and link. */
export async function getCheckInCode(sessionId: number, signal?: AbortSignal) {
  return unwrap(
    api.api.sessions[':id']['check-in-code'].$get(
      { param: { id: String(sessionId) } },
      { init: { signal } },
    ),
  );
}

export function checkInCodeQueryOptions(sessionId: number) {
  return queryOptions({
    queryKey: [...ATTENDANCE_QUERY_KEY, 'check-in-code', sessionId],
    queryFn: ({ signal }) => getCheckInCode(sessionId, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * The code, refetched every ten seconds and just after the shown one expires, so the screen never
 * shows a code that no longer works. It keeps asking while check-in is closed, so the code
 * appears by itself once the window opens.
 */
export function useCheckInCode(sessionId: number) {
  return useQuery({
    ...checkInCodeQueryOptions(sessionId),
    refetchInterval: (query) => {
      const expiresAt = query.state.data?.expiresAt;
      if (!expiresAt) return CODE_REFETCH_MS;
      const untilExpiry = new Date(expiresAt).getTime() - Date.now() + 250;
      return Math.max(1_000, Math.min(CODE_REFETCH_MS, untilExpiry));
    },
    refetchIntervalInBackground: true,
  });
}
