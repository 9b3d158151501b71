import { randomUUID } from 'node:crypto';
import type { Booking as BookingContract } from '@kenshu/contracts';
import {
  bookingPrelude,
  bookSeatOrWait,
  findTrainingSession,
  insertAudit,
  isUniqueViolation,
  runInTransaction,
  type Executor,
  type NewMail,
} from '@kenshu/db';
import {
  AppError,
  assertBookable,
  bookingWindowOf,
  hrRolesOf,
  notFound,
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
 * Books a seat on a session, or a place on its waitlist when it is full. The statement that
 * writes it locks the session row first, so two people can never both take its last seat.
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
    assertBookable(bookingWindowOf(target), ctx.now);
    throw notFound('staff member');
  }
  assertBookable(bookingWindowOf(facts), ctx.now);
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
  const booking = { id: facts.booking_id, uid: randomUUID(), staffId };
  // Both outcomes' e-mails are written now; the statement keeps the one for the place it gives.
  const mails = {
    seat: bookingMail(ctx, facts, { ...booking, status: 'confirmed' }, actor),
    wait: bookingMail(ctx, facts, { ...booking, status: 'waitlisted' }, actor),
  };
  const book = (db: Executor) =>
    bookSeatOrWait(
      db,
      {
        id: booking.id,
        uid: booking.uid,
        session_id: facts.id,
        course_id: facts.course_id,
        fiscal_year: facts.fiscal_year,
        staff_id: staffId,
        booked_by: viewer.staffId,
      },
      mails,
      ctx.now,
    );

  try {
    // The booking and its waitlist place are read on one connection: once the booking is
    // written, a wait for another connection must not answer "busy, try again".
    return await ctx.db.connection().execute(async (db) => {
      // Booking for oneself is one statement, so the seat lock is held only while the database
      // runs it; booking for someone else adds its audit row in the same transaction.
      const written =
        staffId === viewer.staffId
          ? await book(db)
          : await runInTransaction(db, async (trx) => {
              const result = await book(trx);
              if (result.booking) {
                await insertAudit(trx, {
                  actorStaffId: viewer.staffId,
                  action: 'booking.created_on_behalf',
                  targetType: 'booking',
                  targetId: result.booking.id,
                  after: { staffId, sessionId: facts.id, status: result.booking.status },
                  requestId: ctx.requestId,
                });
              }
              return result;
            });
      if (!written.bookable) {
        // Cancelled or closed meanwhile: the session itself says which.
        const session = await findTrainingSession(db, input.sessionId);
        if (!session) throw notFound('session');
        assertBookable(bookingWindowOf(session), ctx.now);
        throw new AppError('BOOKING_CLOSED', 'Booking for this session has closed');
      }
      if (!written.booking) {
        const seat = written.live.find((e) => e.status === 'confirmed');
        if (seat) {
          const held = await findTrainingSession(db, seat.session_id);
          throw new AppError(
            'ALREADY_BOOKED',
            held && held.ends_at <= ctx.now
              ? 'Your booked session has ended and its attendance sheet is not final yet; once it is, you can book another session if you missed it'
              : 'Already booked on a session of this course; move the booking instead',
            { bookingId: seat.id },
          );
        }
        throw new AppError('ALREADY_BOOKED', 'Already on the waitlist of this session');
      }
      return await toBookingContract(db, written.booking);
    });
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
          ctx.now,
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
