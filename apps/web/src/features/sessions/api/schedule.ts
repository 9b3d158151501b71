import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { sessionKeys } from './keys.ts';

/** What the API takes to schedule one session, as the typed client declares it. */
export type CreateSessionInput = Parameters<typeof api.api.sessions.$post>[0]['json'];
/** What the API takes to schedule a series. */
export type CreateSeriesInput = Parameters<typeof api.api.sessions.series.$post>[0]['json'];
/** The changes an admin can make to a session. */
export type UpdateSessionInput = Parameters<(typeof api.api.sessions)[':id']['$patch']>[0]['json'];

export function createSession(input: CreateSessionInput) {
  return unwrap(api.api.sessions.$post({ json: input }));
}

export async function createSeries(input: CreateSeriesInput) {
  const { items } = await unwrap(api.api.sessions.series.$post({ json: input }));
  return items;
}

export function updateSession({ id, changes }: { id: number; changes: UpdateSessionInput }) {
  return unwrap(api.api.sessions[':id'].$patch({ param: { id: String(id) }, json: changes }));
}

export function cancelSession({ id, reason }: { id: number; reason: string }) {
  return unwrap(
    api.api.sessions[':id'].cancel.$post({ param: { id: String(id) }, json: { reason } }),
  );
}

function useScheduleMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export function useCreateSession() {
  return useScheduleMutation(createSession);
}

export function useCreateSeries() {
  return useScheduleMutation(createSeries);
}

export function useUpdateSession() {
  return useScheduleMutation(updateSession);
}

export function useCancelSession() {
  return useScheduleMutation(cancelSession);
}

/** What the API checks a session time and place against (weekends, holidays, the venue). */
export type ScheduleCheckInput = Parameters<typeof api.api.sessions.check.$post>[0]['json'];
/** A warning about a session time: the admin may still save. */
export type ScheduleWarning = Awaited<ReturnType<typeof checkSchedule>>[number];

export async function checkSchedule(input: ScheduleCheckInput, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.sessions.check.$post({ json: input }, { init: { signal } }),
  );
  return items;
}

function scheduleCheckQuery(input: ScheduleCheckInput) {
  return queryOptions({
    queryKey: sessionKeys.scheduleCheck(input),
    queryFn: ({ signal }) => checkSchedule(input, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Warnings for the times being typed (one, or each session of a series), once, in order: a day
 * that is a holiday for two start times, or a venue clash two sessions share, is said once.
 */
export function useScheduleWarnings(inputs: readonly ScheduleCheckInput[]): ScheduleWarning[] {
  return useQueries({
    queries: inputs.map(scheduleCheckQuery),
    combine: (results) => {
      const seen = new Set<string>();
      return results
        .flatMap((r) => r.data ?? [])
        .filter((w) => {
          const key = w.kind === 'venue_overlap' ? `venue ${w.sessionId}` : `${w.kind} ${w.date}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    },
  });
}

export async function listHolidays(month: string, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.sessions.holidays.$get({ query: { month } }, { init: { signal } }),
  );
  return items;
}

/** A month's national holidays (they change only by law, so they are kept for the visit). */
export function useHolidays(month: string) {
  return useQuery({
    queryKey: sessionKeys.holidays(month),
    queryFn: ({ signal }) => listHolidays(month, signal),
    staleTime: Infinity,
  });
}
