import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { failureBody, okBody, typedApi } from '../support/typed-api.ts';

/**
 * An error answer must not tell the caller anything about a record they may not read: not whose
 * it is, not even that it exists. Someone else's booking answers exactly like no booking at all.
 */
const t = useTestApp();

async function someonesBooking(orgUnitId?: number) {
  const course = await makeCourse(t.db);
  const session = await makeSession(t.db, { courseId: course.id });
  const other = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
  const owner = await signedInAs(
    t.app,
    t.db,
    (await makeStaff(t.db, orgUnitId ? { org_unit_id: orgUnitId } : {})).id,
  );
  const booking = await okBody(bookingsOf(t.app, owner).book(session.id), 201);
  return { booking, owner, otherSessionId: other.id };
}

/** The answers to cancelling, moving and downloading a booking, without their request ids. */
async function answersFor(client: SignedInClient, bookingId: number, toSessionId: number) {
  const bookings = bookingsOf(t.app, client);
  const calendar = typedApi(t.app, client).bookings[':id']['calendar.ics'].$get({
    param: { id: String(bookingId) },
  });
  return Promise.all(
    [bookings.cancel(bookingId), bookings.move(bookingId, toSessionId), calendar].map((call) =>
      failureBody(call),
    ),
  );
}

describe("someone else's booking", () => {
  it('answers a learner exactly as for a booking that does not exist', async () => {
    const { booking, owner, otherSessionId } = await someonesBooking();
    const stranger = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const theirs = await answersFor(stranger, booking.id, otherSessionId);
    const missing = await answersFor(stranger, 999_999_999, otherSessionId);
    expect(theirs).toEqual(missing);
    for (const answer of theirs) {
      expect(answer).toEqual({
        status: 404,
        error: { code: 'NOT_FOUND', message: 'booking not found' },
      });
      expect(JSON.stringify(answer)).not.toContain(String(owner.staffId));
    }
    // And nothing changed.
    const row = await t.db
      .selectFrom('booking')
      .select('status')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('answers a section head the same for a booking outside their unit', async () => {
    const mine = await makeOrgUnit(t.db);
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: mine.id })).id,
    );
    const { booking, otherSessionId } = await someonesBooking();
    const theirs = await answersFor(head, booking.id, otherSessionId);
    expect(theirs).toEqual(await answersFor(head, 999_999_999, otherSessionId));
    expect(theirs.every((a) => a.status === 404 && a.error.details === undefined)).toBe(true);
  });

  it('still lets a section head cancel a booking of their own staff', async () => {
    const mine = await makeOrgUnit(t.db);
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: mine.id })).id,
    );
    const { booking } = await someonesBooking(mine.id);
    await okBody(bookingsOf(t.app, head).cancel(booking.id), 200);
  });
});

describe('not-found answers', () => {
  it('carry no details anywhere: a person, a session, a course', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const api = typedApi(t.app, admin);
    const param = { id: '999999999' };
    const answers = {
      person: api.staff[':id'].$get({ param }),
      session: api.sessions[':id'].$get({ param }),
      record: api.staff[':id'].training.$get({ param, query: {} }),
      course: api.courses[':id'].$get({ param }),
    };
    for (const [what, call] of Object.entries(answers)) {
      const { status, error } = await failureBody(call);
      expect(status, what).toBe(404);
      expect(error.details, what).toBeUndefined();
    }
  });
});
