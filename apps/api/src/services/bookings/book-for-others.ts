import type { BookForOthersOutcome, BookForOthersResult } from '@kenshu/contracts';
import { findTrainingSession } from '@kenshu/db';
import {
  AppError,
  assertBookable,
  bookingWindowOf,
  type ErrorCode,
  forbidden,
  notFound,
  oversees,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { resolvePeople } from '../staff/resolve.ts';
import { bookSession } from './book.ts';

/** What a refusal of one person's booking means in the per-person result. */
const OUTCOME_OF: Partial<Record<ErrorCode, BookForOthersOutcome>> = {
  ALREADY_BOOKED: 'already_booked',
  ALREADY_COMPLETED: 'already_done',
  COURSE_NOT_REQUIRED: 'not_required',
  NOT_FOUND: 'unknown',
  BOOKING_CLOSED: 'closed',
  BOOKING_NOT_OPEN: 'closed',
  SESSION_CANCELLED: 'closed',
};

/**
 * Books everyone chosen onto one session, one person at a time through the same booking as
 * anyone's own (its seat lock, capacity and waitlist rules, and one audit row per booking made
 * for someone else), and says for each person what it came to. A person who cannot be booked
 * does not stop the others.
 */
export async function bookForOthers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; staffIds: number[]; staffNumbers: string[] };
}): Promise<{ results: BookForOthersResult[] }> {
  const viewer = requireViewer(ctx);
  if (!oversees(viewer))
    throw forbidden('Only section heads, unit security officers and admins book for others');
  const session = await findTrainingSession(ctx.db, input.sessionId);
  if (!session) throw notFound('session');
  // A session nobody can book is refused once for everyone, before anyone is looked at.
  assertBookable(bookingWindowOf(session), ctx.now);

  const people = await resolvePeople(ctx.db, viewer, input);
  const results: BookForOthersResult[] = [];
  for (const entry of people) {
    const staff = entry.staff;
    if (!staff) {
      results.push({
        staffNumber: entry.staffNumber,
        staffId: null,
        name: null,
        outcome: entry.problem ?? 'unknown',
        bookingId: null,
        waitlistPosition: null,
      });
      continue;
    }
    const who = {
      staffNumber: staff.staff_number,
      staffId: staff.id,
      name: `${staff.family_name} ${staff.given_name}`,
    };
    try {
      const booking = await bookSession({
        ctx,
        input: { sessionId: session.id, staffId: staff.id },
      });
      results.push({
        ...who,
        outcome: booking.status === 'confirmed' ? 'booked' : 'waitlisted',
        bookingId: booking.id,
        waitlistPosition: booking.waitlistPosition,
      });
    } catch (error) {
      const outcome = error instanceof AppError ? OUTCOME_OF[error.code] : undefined;
      // Anything else (the database failing) is not a person's outcome: it stops the batch.
      if (!outcome) throw error;
      results.push({ ...who, outcome, bookingId: null, waitlistPosition: null });
    }
  }
  return { results };
}
