import type { Booking as BookingContract } from '@kenshu/contracts';
import { waitlistPosition, type Booking, type Executor } from '@kenshu/db';

/** A booking as the API answers it; pass its waitlist place when it is known already. */
export async function toBookingContract(
  db: Executor,
  b: Booking,
  knownPosition?: number | null,
): Promise<BookingContract> {
  return {
    id: b.id,
    sessionId: b.session_id,
    courseId: b.course_id,
    fiscalYear: b.fiscal_year,
    staffId: b.staff_id,
    status: b.status,
    waitlistPosition:
      b.status === 'waitlisted' ? (knownPosition ?? (await waitlistPosition(db, b))) : null,
  };
}
