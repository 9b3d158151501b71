import { randomUUID } from 'node:crypto';
import type { Booking as BookingContract } from '@kenshu/contracts';
import {
  bookingPrelude,
  findTrainingSession,
  insertAudit,
  isUniqueViolation,
  lockTrainingSessions,
  runInTransaction,
  writeBooking,
  type NewMail,
} from '@kenshu/db';
import {
  AppError,
  assertBookable,
  hrRolesOf,
  notFound,
  placeFor,
  type PersonFacts,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { isRequired } from '../courses/audience.ts';
import { courseFacts, personFacts } from '../messages/facts.ts';
import {
  composeMail,
  publicBase,
  recipientOf,
  templateBook,
  type Outgoing,
} from '../messages/send.ts';
import { invitationOf } from './calendar.ts';
import { bookableOf, dropWaits } from './promote.ts';
import { assertMayActFor } from './scope.ts';
import { toBookingContract } from './to-contract.ts';

const BOOKING_KINDS = [
  'booking.made',
  'booking.waitlisted',
  'booking.made_for_you',
  'booking.waitlisted_for_you',
] as const;

type Prelude = NonNullable<Awaited<ReturnType<typeof bookingPrelude>>>;

/**
 * Books a seat on a session, or a place on its waitlist when it is full. The session row is
 * locked for the whole transaction, so two people can never both take its last seat.
 */
export async function bookSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; staffId?: number | undefined };
}): Promise<BookingContract> {
  const viewer = requireViewer(ctx);
  const staffId = input.staffId ?? viewer.staffId;
  // Everything that only reads is done before the seat lock, in as few round trips as possible
  // (the e-mail is written here too), so the lock is held for two statements: 64 people booking
  // one popular session queue on it one short transaction at a time.
  if (staffId !== viewer.staffId) await assertMayActFor(ctx.db, viewer, staffId);
  const facts = await bookingPrelude(ctx.db, input.sessionId, staffId, BOOKING_KINDS);
  if (!facts) {
    const target = await findTrainingSession(ctx.db, input.sessionId);
    if (!target) throw notFound('session');
    assertBookable(bookableOf(target), ctx.now);
    throw notFound('staff member');
  }
  assertBookable(bookableOf(facts), ctx.now);
  if (!facts.person_active) throw notFound('staff member');
  const member = {
    roles: new Set([...hrRolesOf(facts), ...facts.granted_roles]),
    unitPath: facts.unit_path ?? '',
    employmentType: facts.employment_type,
    active: facts.person_active,
  };
  const course = {
    active: facts.course_active,
    published_at: facts.course_published_at,
    audience: facts.course_audience,
  };
  if (!(await isRequired(ctx.db, course, member))) {
    throw new AppError('COURSE_NOT_REQUIRED', 'This course is not one this person must take', {
      courseId: facts.course_id,
    });
  }
  if (facts.completed) {
    throw new AppError(
      'ALREADY_COMPLETED',
      'This course is already completed for this fiscal year',
    );
  }
  const actor = staffId === viewer.staffId ? null : await personFacts(ctx.db, viewer.staffId);
  const uid = randomUUID();
  const mailFor = (status: 'confirmed' | 'waitlisted') =>
    bookingMail(ctx, facts, { id: facts.booking_id, uid, staffId, status }, actor);
  // Written for the place the session offers now; written again under the lock if that changed.
  const expected = placeFor(facts.seats_taken, facts.capacity);
  const expectedMail = mailFor(expected);

  try {
    const { booking, waitlistPosition } = await runInTransaction(ctx.db, async (trx) => {
      const session = (await lockTrainingSessions(trx, [input.sessionId])).get(input.sessionId);
      if (!session) throw notFound('session');
      // Re-checked under the lock: the session may have been cancelled or closed meanwhile.
      assertBookable(bookableOf(session), ctx.now);
      const status = placeFor(session.seats_taken, session.capacity);
      const written = await writeBooking(
        trx,
        {
          id: facts.booking_id,
          uid,
          session_id: session.id,
          course_id: session.course_id,
          fiscal_year: session.fiscal_year,
          staff_id: staffId,
          status,
          booked_by: viewer.staffId,
        },
        {
          action: status === 'confirmed' ? 'booked' : 'waitlisted',
          actor_staff_id: viewer.staffId,
        },
        status === expected ? expectedMail : mailFor(status),
        ctx.now,
      );
      if (!written.booking) {
        const seat = written.live.find((e) => e.status === 'confirmed');
        if (seat) {
          const held = await findTrainingSession(trx, seat.session_id);
          throw new AppError(
            'ALREADY_BOOKED',
            held && held.ends_at <= ctx.now
              ? 'Your booked session has ended and its roster is not final yet; once it is, you can book another session if you missed it'
              : 'Already booked on a session of this course; move the booking instead',
            { bookingId: seat.id },
          );
        }
        throw new AppError('ALREADY_BOOKED', 'Already on the waitlist of this session');
      }
      // A seat ends the person's other waits for this course.
      if (status === 'confirmed' && written.live.length > 0) {
        await dropWaits(trx, written.live, ctx.now, 'wait_dropped', viewer.staffId);
      }
      if (staffId !== viewer.staffId) {
        await insertAudit(trx, {
          actorStaffId: viewer.staffId,
          action: 'booking.created_on_behalf',
          targetType: 'booking',
          targetId: written.booking.id,
          after: { staffId, sessionId: session.id, status },
          requestId: ctx.requestId,
        });
      }
      return { booking: written.booking, waitlistPosition: written.waitlistPosition };
    });
    return await toBookingContract(ctx.db, booking, waitlistPosition);
  } catch (error) {
    // Two sessions of one course booked at the same instant: the index keeps one seat per person.
    if (isUniqueViolation(error)) {
      throw new AppError('ALREADY_BOOKED', 'Already booked on a session of this course');
    }
    throw error;
  }
}

/**
 * The e-mail and notice of a new booking: who booked it decides the words; a seat, an invitation.
 * Written from what was read before the lock, so the lock waits on no rendering or reading.
 */
function bookingMail(
  ctx: ServiceContext,
  facts: Prelude,
  booking: { id: number; uid: string; staffId: number; status: 'confirmed' | 'waitlisted' },
  actor: PersonFacts | null,
): NewMail {
  const seat = booking.status === 'confirmed';
  const person = { ...facts, id: booking.staffId, active: facts.person_active };
  const calendar = seat
    ? [
        invitationOf(
          {
            ...facts,
            id: booking.id,
            uid: booking.uid,
            sequence: 0,
            status: booking.status,
            session_status: facts.status,
          },
          person,
          ctx.config,
        ),
      ]
    : [];
  const session = {
    course: courseFacts({ title_ja: facts.course_title_ja, title_en: facts.course_title_en }),
    startsAt: facts.starts_at.toISOString(),
    endsAt: facts.ends_at.toISOString(),
    venue: facts.venue,
    online: facts.online_url !== null,
  };
  const common = { staffId: booking.staffId, period: `booking:${booking.id}`, calendar };
  let message: Outgoing;
  if (actor) {
    const kind = seat ? 'booking.made_for_you' : 'booking.waitlisted_for_you';
    message = { ...common, kind, reason: kind, facts: { session, actor } };
  } else {
    const kind = seat ? 'booking.made' : 'booking.waitlisted';
    message = { ...common, kind, reason: kind, facts: { session } };
  }
  return composeMail(
    message,
    recipientOf(person),
    new Set(facts.opted_out_kinds),
    templateBook(facts.templates),
    publicBase(ctx.config),
    ctx.now,
  );
}
