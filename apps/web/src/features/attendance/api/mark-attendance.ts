import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import {
  ATTENDANCE_QUERY_KEY,
  attendanceSheetQueryKey,
  type AttendanceMark,
} from './attendance-sheet.ts';

/** Only admins send one, and only after the lock: it goes in the audit log. */
interface WithReason {
  reason?: string | undefined;
}

export interface MarkChange {
  staffId: number;
  mark: AttendanceMark;
  /** Omitted: the note stays as it is; null clears it. */
  note?: string | null | undefined;
}

export interface SetMarksInput extends WithReason {
  sessionId: number;
  marks: MarkChange[];
}

const reasonOf = ({ reason }: WithReason) => (reason ? { reason } : {});

export function setMarks(input: SetMarksInput) {
  return unwrap(
    api.api.sessions[':id'].attendance.$put({
      param: { id: String(input.sessionId) },
      json: { marks: input.marks, ...reasonOf(input) },
    }),
  );
}

export function markUnmarkedPresent(input: { sessionId: number } & WithReason) {
  return unwrap(
    api.api.sessions[':id'].attendance['mark-unmarked-present'].$post({
      param: { id: String(input.sessionId) },
      json: reasonOf(input),
    }),
  );
}

export function addWalkIn(
  input: { sessionId: number; staffNumber: string; note?: string | undefined } & WithReason,
) {
  return unwrap(
    api.api.sessions[':id'].attendance['walk-ins'].$post({
      param: { id: String(input.sessionId) },
      json: {
        staffNumber: input.staffNumber,
        ...(input.note ? { note: input.note } : {}),
        ...reasonOf(input),
      },
    }),
  );
}

export function finaliseAttendance(input: { sessionId: number } & WithReason) {
  return unwrap(
    api.api.sessions[':id'].attendance.finalise.$post({
      param: { id: String(input.sessionId) },
      json: reasonOf(input),
    }),
  );
}

export function decideCheckInRequest(
  input: { sessionId: number; staffId: number; decision: 'accept' | 'reject' } & WithReason,
) {
  return unwrap(
    api.api.sessions[':id'].attendance['check-in-requests'][':staffId'].$post({
      param: { id: String(input.sessionId), staffId: String(input.staffId) },
      json: { decision: input.decision, ...reasonOf(input) },
    }),
  );
}

/** The CSV export of the attendance sheet with marks (a download, not an API call). */
export function attendanceCsvUrl(sessionId: number, lang: 'ja' | 'en'): string {
  return `/api/sessions/${sessionId}/attendance.csv?lang=${lang}`;
}

function markMutationKey(sessionId: number) {
  return [...ATTENDANCE_QUERY_KEY, 'mark', sessionId] as const;
}

/**
 * Saves marks. The sheet shows them at once (see {@link usePendingMarks}); the mutation stays
 * pending until the sheet is refetched, so the screen never flickers back to the old mark.
 */
export function useSetMarks(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: markMutationKey(sessionId),
    mutationFn: setMarks,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: attendanceSheetQueryKey(sessionId) }),
  });
}

/** Marks being saved right now, oldest first: what the sheet shows until the server agrees. */
export function usePendingMarks(sessionId: number): MarkChange[] {
  return useMutationState({
    filters: { mutationKey: markMutationKey(sessionId), status: 'pending' },
    select: (mutation) => {
      const variables = mutation.state.variables as SetMarksInput | undefined;
      return variables?.marks ?? [];
    },
  }).flat();
}

function useSheetMutation<I, R>(sessionId: number, fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Settled, not only success: a refusal (locked, not open) means the sheet on screen is stale.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: attendanceSheetQueryKey(sessionId) }),
  });
}

/** Marks everyone still unmarked present; existing marks are never overwritten. */
export function useMarkUnmarkedPresent(sessionId: number) {
  return useSheetMutation(sessionId, markUnmarkedPresent);
}

/** Adds someone who came without a booking, by staff number. */
export function useAddWalkIn(sessionId: number) {
  return useSheetMutation(sessionId, addWalkIn);
}

/** Submits the attendance sheet: everyone still unmarked becomes a no-show. */
export function useFinaliseAttendance(sessionId: number) {
  return useSheetMutation(sessionId, finaliseAttendance);
}

/** Accepts (present, as a walk-in) or rejects a self check-in from someone without a booking. */
export function useDecideCheckInRequest(sessionId: number) {
  return useSheetMutation(sessionId, decideCheckInRequest);
}
