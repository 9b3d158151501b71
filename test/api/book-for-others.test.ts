import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

/** A division with a section head and `n` people in it. */
async function division(n: number) {
  const bureau = await makeOrgUnit(t.db);
  const unit = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const head = await makePerson(t.db, ['section_head'], { org_unit_id: unit.id });
  const people = [];
  for (let i = 0; i < n; i++) people.push(await makeStaff(t.db, { org_unit_id: unit.id }));
  return { unit, head: await signedInAs(t.app, t.db, head.id), people };
}

type ForOthers = ReturnType<typeof typedApi>['bookings']['for-others'];

function bookForOthers(client: SignedInClient, json: Parameters<ForOthers['$post']>[0]['json']) {
  return typedApi(t.app, client).bookings['for-others'].$post({ json });
}

async function liveEntries(sessionId: number) {
  return t.db
    .selectFrom('booking')
    .select(['id', 'staff_id', 'status'])
    .where('session_id', '=', sessionId)
    .where('status', '<>', 'cancelled')
    .execute();
}

describe('booking many people in one step', () => {
  it('books, waitlists and explains each person, with one audit row per booking', async () => {
    const course = await makeCourse(t.db, {
      audience: { kind: 'rule', roles: [], unitIds: [], employmentTypes: ['regular'] },
    });
    const session = await makeSession(t.db, { courseId: course.id, capacity: 2 });
    const other = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    const { unit, head, people } = await division(4);
    const [a, b, c, booked] = people;
    if (!a || !b || !c || !booked) throw new Error('people missing');
    const done = await makeStaff(t.db, { org_unit_id: unit.id });
    await t.db
      .insertInto('completion')
      .values({
        staff_id: done.id,
        course_id: course.id,
        fiscal_year: session.fiscal_year,
        kind: 'credited',
        reason: 'test',
      })
      .execute();
    const partTimer = await makeStaff(t.db, { org_unit_id: unit.id, employment_type: 'part_time' });
    const stranger = await makeStaff(t.db);
    const self = await signedInAs(t.app, t.db, booked.id);
    await okBody(bookingsOf(t.app, self).book(other.id), 201);

    const res = bookForOthers(head, {
      sessionId: session.id,
      staffIds: [a.id, b.id, a.id],
      // As pasted from a spreadsheet: lower case, full-width, with spaces.
      staffNumbers: [
        ` ${c.staff_number.toLowerCase()} `,
        c.staff_number.replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
        booked.staff_number,
        done.staff_number,
        partTimer.staff_number,
        stranger.staff_number,
        'NO-SUCH-9',
      ],
    });
    const { results } = await okBody(res, 200);
    expect(results.map((r) => [r.staffNumber, r.outcome])).toEqual([
      [a.staff_number, 'booked'],
      [b.staff_number, 'booked'],
      [c.staff_number, 'waitlisted'],
      [booked.staff_number, 'already_booked'],
      [done.staff_number, 'already_done'],
      [partTimer.staff_number, 'not_required'],
      [stranger.staff_number, 'outside_scope'],
      ['NO-SUCH-9', 'unknown'],
    ]);
    expect(results[2]).toMatchObject({
      waitlistPosition: 1,
      name: `${c.family_name} ${c.given_name}`,
    });
    // Someone outside one's oversight is not named.
    expect(results[6]).toMatchObject({ staffId: null, name: null });

    const made = results.filter((r) => r.bookingId !== null).map((r) => String(r.bookingId));
    expect(made).toHaveLength(3);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['target_id', 'actor_staff_id'])
      .where('action', '=', 'booking.created_on_behalf')
      .where('target_id', 'in', made)
      .execute();
    expect(audit.map((row) => row.target_id).sort()).toEqual([...made].sort());
    expect(new Set(audit.map((row) => row.actor_staff_id))).toEqual(new Set([head.staffId]));
    expect(await liveEntries(session.id)).toHaveLength(3);
  });

  it('looks pasted numbers up among the people overseen, naming only those', async () => {
    const { head, people } = await division(1);
    const [mine] = people;
    if (!mine) throw new Error('nobody');
    const stranger = await makeStaff(t.db);
    const lookUp = typedApi(t.app, head).staff['look-up'].$post({
      json: {
        staffNumbers: [
          mine.staff_number.toLowerCase(),
          stranger.staff_number,
          'X-1',
          mine.staff_number,
        ],
      },
    });
    const { items } = await okBody(lookUp, 200);
    expect(items).toEqual([
      {
        staffNumber: mine.staff_number,
        person: expect.objectContaining({
          staffId: mine.id,
          name: `${mine.family_name} ${mine.given_name}`,
        }),
        problem: null,
      },
      { staffNumber: stranger.staff_number, person: null, problem: 'outside_scope' },
      { staffNumber: 'X-1', person: null, problem: 'unknown' },
    ]);
  });

  it('refuses a closed session for everyone, people who oversee nobody, and bad lists', async () => {
    const course = await makeCourse(t.db);
    const closed = await makeSession(t.db, { courseId: course.id, cutoffInHours: -1 });
    const open = await makeSession(t.db, { courseId: course.id });
    const { head, people } = await division(2);
    const ids = people.map((p) => p.id);

    const refused = bookForOthers(head, { sessionId: closed.id, staffIds: ids });
    expect(await failure(refused)).toEqual({ status: 409, code: 'BOOKING_CLOSED' });
    expect(await liveEntries(closed.id)).toEqual([]);

    const learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const statusOf = async (call: ReturnType<typeof bookForOthers>) => (await failure(call)).status;
    expect(await statusOf(bookForOthers(learner, { sessionId: open.id, staffIds: ids }))).toBe(403);
    expect(await statusOf(bookForOthers(head, { sessionId: 99_999_999, staffIds: ids }))).toBe(404);
    // Bad lists, malformed on purpose (some the typed client would refuse): raw requests.
    for (const body of [
      { sessionId: open.id },
      { sessionId: open.id, staffIds: [], staffNumbers: [] },
      { sessionId: open.id, staffNumbers: Array.from({ length: 501 }, (_, i) => `N${i}`) },
      {
        sessionId: open.id,
        staffIds: Array.from({ length: 300 }, (_, i) => i + 1),
        staffNumbers: Array.from({ length: 300 }, (_, i) => `N${i}`),
      },
      { sessionId: open.id, staffNumbers: ['a'.repeat(33)] },
      { sessionId: open.id, staffNumbers: ['A\u0000'] },
      { sessionId: 'x', staffIds: ids },
    ]) {
      const res = await head.json('/api/bookings/for-others', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    // Formulas and markup are only ever text: an unknown number, echoed back as given.
    const odd = bookForOthers(head, { sessionId: open.id, staffNumbers: ['=cmd|x', '<b>'] });
    expect((await okBody(odd)).results.map((r) => r.outcome)).toEqual(['unknown', 'unknown']);
  });
});

describe(`a bulk booking racing other bookings (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded'})`, () => {
  it('never overbooks, and books each person once, while people book themselves and another bulk runs', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 10 });
    const { head, people } = await division(24);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const selfBookers = await Promise.all(
      people.slice(12).map((p) => signedInAs(t.app, t.db, p.id)),
    );
    // The head books everyone; the admin books the first half again; the second half book
    // themselves: all at once.
    const [byHead, byAdmin, ...own] = await Promise.all([
      bookForOthers(head, { sessionId: session.id, staffIds: people.map((p) => p.id) }),
      bookForOthers(admin, {
        sessionId: session.id,
        staffNumbers: people.slice(0, 12).map((p) => p.staff_number),
      }),
      ...selfBookers.map((s) => bookingsOf(t.app, s).book(session.id)),
    ]);
    if (!byHead || !byAdmin) throw new Error('the bulk bookings did not answer');
    expect(byHead.status).toBe(200);
    expect(byAdmin.status).toBe(200);
    for (const r of own) expect([201, 409]).toContain(r.status);

    const state = await t.db
      .selectFrom('training_session')
      .select(['seats_taken', 'capacity'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    const entries = await liveEntries(session.id);
    const confirmed = entries.filter((e) => e.status === 'confirmed');
    expect(state.seats_taken).toBe(10);
    expect(confirmed).toHaveLength(10);
    // Everyone is on the session exactly once: a seat or a place in the queue.
    expect(entries).toHaveLength(24);
    expect(new Set(entries.map((e) => e.staff_id)).size).toBe(24);

    // The two bulk answers agree with the database: what one made, the other found made.
    const headResults = (await okBody(Promise.resolve(byHead))).results;
    const adminResults = (await okBody(Promise.resolve(byAdmin))).results;
    const statusOf = new Map(entries.map((e) => [e.id, e.status]));
    for (const r of [...headResults, ...adminResults]) {
      if (r.outcome === 'booked') expect(statusOf.get(r.bookingId ?? -1)).toBe('confirmed');
      else if (r.outcome === 'waitlisted') expect(statusOf.get(r.bookingId ?? -1)).toBeDefined();
      else expect(r.outcome).toBe('already_booked');
    }
    const madeByBulk = [...headResults, ...adminResults].filter((r) => r.bookingId !== null);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'booking.created_on_behalf')
      .where(
        'target_id',
        'in',
        entries.map((e) => String(e.id)),
      )
      .execute();
    expect(audit).toHaveLength(madeByBulk.length);
  }, 120_000);
});
