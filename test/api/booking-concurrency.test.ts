import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { okBody } from '../support/typed-api.ts';

/**
 * Capacity under contention. With DATABASE_URL these requests really run at once on PostgreSQL
 * (a pool of 30 connections); on the embedded database they are serialised by its one connection.
 */
const t = useTestApp();

async function crowd(n: number): Promise<SignedInClient[]> {
  const unit = await makeOrgUnit(t.db);
  const people = await Promise.all(
    Array.from({ length: n }, () => makeStaff(t.db, { org_unit_id: unit.id })),
  );
  return Promise.all(people.map((p) => signedInAs(t.app, t.db, p.id)));
}

async function state(sessionId: number) {
  const session = await t.db
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const rows = await t.db
    .selectFrom('booking')
    .select(['staff_id', 'status'])
    .where('session_id', '=', sessionId)
    .execute();
  return {
    seatsTaken: session.seats_taken,
    capacity: session.capacity,
    confirmed: rows.filter((r) => r.status === 'confirmed').length,
    waiting: rows.filter((r) => r.status === 'waitlisted').length,
    people: rows.filter((r) => r.status !== 'cancelled').map((r) => r.staff_id),
  };
}

/** Books each of these people a confirmed seat on the session; with whom each booking is. */
async function seated(people: SignedInClient[], sessionId: number) {
  return Promise.all(
    people.map(async (person) => ({
      person,
      booking: await okBody(bookingsOf(t.app, person).book(sessionId), 201),
    })),
  );
}

/**
 * Books as a browser does: 503 means the server was too busy to take the request (no free
 * database connection within 5 s) and wrote nothing, so it is tried again, a few times at most.
 */
async function bookPatiently(person: SignedInClient, sessionId: number) {
  for (let attempt = 1; ; attempt++) {
    const response = await bookingsOf(t.app, person).book(sessionId);
    // Any route may be too busy, so the booking contract does not list 503 among its answers.
    const busy = (response.status as number) === 503;
    if (!busy || attempt === 10) return response;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

describe(`booking under contention (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded'})`, () => {
  it('gives 200 people racing for 20 seats exactly 20 seats and 180 waitlist places', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 20 });
    const people = await crowd(200);
    // On a loaded machine some may be told to come back; coming back, they are booked once (a
    // 503 that had written the booking would come back 409).
    const responses = await Promise.all(people.map((p) => bookPatiently(p, session.id)));
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const after = await state(session.id);
    expect(after).toMatchObject({ seatsTaken: 20, confirmed: 20, waiting: 180 });
    expect(new Set(after.people).size).toBe(200); // nobody twice

    // Waitlist positions are 1…180 with no gaps or repeats.
    const bodies = await Promise.all(responses.map((r) => okBody(Promise.resolve(r), 201)));
    const positions = bodies
      .filter((b) => b.status === 'waitlisted')
      .map((b) => b.waitlistPosition as number);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  }, 120_000);

  it('never leaves a free seat while someone waits, with cancellations and bookings racing', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 20 });
    const holders = await crowd(20);
    const seats = await seated(holders, session.id);
    const waiters = await crowd(15);
    for (const w of waiters) await okBody(bookingsOf(t.app, w).book(session.id), 201);
    const newcomers = await crowd(15);

    const cancellations = seats
      .slice(0, 12)
      .map((seat) => bookingsOf(t.app, seat.person).cancel(seat.booking.id));
    const bookings = newcomers.map((p) => bookingsOf(t.app, p).book(session.id));
    const results = await Promise.all([...cancellations, ...bookings]);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);

    const after = await state(session.id);
    expect(after.seatsTaken).toBe(after.confirmed);
    expect(after.confirmed).toBe(20);
    expect(after.waiting).toBe(15 + 15 - 12);
    expect(new Set(after.people).size).toBe(after.people.length);
  }, 120_000);

  it('keeps one seat per person when the same person books two sessions at once', async () => {
    const course = await makeCourse(t.db);
    const a = await makeSession(t.db, { courseId: course.id });
    const b = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    const [me] = await crowd(1);
    if (!me) throw new Error('no person');
    const [ra, rb] = await Promise.all([
      bookingsOf(t.app, me).book(a.id),
      bookingsOf(t.app, me).book(b.id),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const seats = await t.db
      .selectFrom('booking')
      .select('id')
      .where('staff_id', '=', me.staffId)
      .where('status', '=', 'confirmed')
      .execute();
    expect(seats).toHaveLength(1);
  });

  it('moves between two sessions in opposite directions at once without deadlock or double seats', async () => {
    const course = await makeCourse(t.db);
    const a = await makeSession(t.db, { courseId: course.id, capacity: 10 });
    const b = await makeSession(t.db, { courseId: course.id, capacity: 10, startsInHours: 300 });
    const onA = await seated(await crowd(5), a.id);
    const onB = await seated(await crowd(5), b.id);
    const moves = await Promise.all([
      ...onA.map((seat) => bookingsOf(t.app, seat.person).move(seat.booking.id, b.id)),
      ...onB.map((seat) => bookingsOf(t.app, seat.person).move(seat.booking.id, a.id)),
    ]);
    expect(moves.map((m) => m.status)).toEqual(Array(10).fill(200));
    const [sa, sb] = [await state(a.id), await state(b.id)];
    expect([sa.seatsTaken, sb.seatsTaken]).toEqual([5, 5]);
    expect([sa.confirmed, sb.confirmed]).toEqual([5, 5]);
  }, 60_000);
});
