import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { sessionKeys } from './keys.ts';

/** Called after any booking change, so pages outside this feature can refresh what they show. */
export interface BookingChangeOptions {
  onChanged?: (() => unknown) | undefined;
}

/** The booking as an iCalendar file, for "Add to calendar" (a download, not an API call). */
export function bookingCalendarUrl(bookingId: number): string {
  return `/api/bookings/${bookingId}/calendar.ics`;
}

export function bookSession(input: { sessionId: number; staffId?: number | undefined }) {
  return unwrap(
    api.api.bookings.$post({
      json:
        input.staffId === undefined
          ? { sessionId: input.sessionId }
          : { sessionId: input.sessionId, staffId: input.staffId },
    }),
  );
}

export function moveBooking(input: { bookingId: number; sessionId: number }) {
  return unwrap(
    api.api.bookings[':id'].move.$post({
      param: { id: String(input.bookingId) },
      json: { sessionId: input.sessionId },
    }),
  );
}

export function cancelBooking(input: { bookingId: number; reason?: string | undefined }) {
  return unwrap(
    api.api.bookings[':id'].cancel.$post({
      param: { id: String(input.bookingId) },
      json: input.reason ? { reason: input.reason } : {},
    }),
  );
}

function useBookingMutation<I, R>(fn: (input: I) => Promise<R>, options: BookingChangeOptions) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      // Settled, not only success: a SESSION_FULL answer means the counts on screen are stale.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
        options.onChanged?.(),
      ]);
    },
  });
}

/** Books a seat, or a waitlist place when the session is full. */
export function useBookSession(options: BookingChangeOptions = {}) {
  return useBookingMutation(bookSession, options);
}

/** Moves a seat to another session of the same course in one step. */
export function useMoveBooking(options: BookingChangeOptions = {}) {
  return useBookingMutation(moveBooking, options);
}

/** Cancels a seat or leaves a waitlist. */
export function useCancelBooking(options: BookingChangeOptions = {}) {
  return useBookingMutation(cancelBooking, options);
}
