import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { SESSIONS_QUERY_KEY } from './list-sessions.ts';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
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

/** Warnings for the time being typed; nothing until the day and both times are filled in. */
export function useScheduleWarnings(input: ScheduleCheckInput | undefined) {
  return useQuery({
    queryKey: [...SESSIONS_QUERY_KEY, 'check', input],
    queryFn: ({ signal }) => checkSchedule(input ?? { startsAt: '', endsAt: '' }, signal),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
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
    queryKey: ['holidays', month],
    queryFn: ({ signal }) => listHolidays(month, signal),
    staleTime: Infinity,
  });
}
