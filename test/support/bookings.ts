import type { AppType } from '@kenshu/api';
import type { SignedInClient } from './auth.ts';
import { typedApi } from './typed-api.ts';

/**
 * This person's booking calls through the typed client: book a seat (or a waitlist place, or for
 * someone else), move it, cancel it; each answers the response for okBody or failure.
 */
export function bookingsOf(app: AppType, as: SignedInClient) {
  const bookings = typedApi(app, as).bookings;
  return {
    book: (sessionId: number, forStaffId?: number) =>
      bookings.$post({
        json: forStaffId === undefined ? { sessionId } : { sessionId, staffId: forStaffId },
      }),
    move: (bookingId: number, toSessionId: number) =>
      bookings[':id'].move.$post({
        param: { id: String(bookingId) },
        json: { sessionId: toSessionId },
      }),
    cancel: (bookingId: number, reason?: string) =>
      bookings[':id'].cancel.$post({
        param: { id: String(bookingId) },
        json: reason === undefined ? {} : { reason },
      }),
  };
}
