import type { Booking as BookingContract } from '@kenshu/contracts';
import { waitlistPosition, type Booking, type Executor } from '@kenshu/db';

export async function toBookingContract(db: Executor, b: Booking): Promise<BookingContract> {
  return {
    id: b.id,
    sessionId: b.session_id,
    courseId: b.course_id,
    fiscalYear: b.fiscal_year,
    staffId: b.staff_id,
    status: b.status,
    waitlistPosition: b.status === 'waitlisted' ? await waitlistPosition(db, b) : null,
  };
}
