import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { failure, okBody, okStatus, publicApi, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

async function learner() {
  return signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
}

async function admin() {
  return signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
}

function book(client: SignedInClient, sessionId: number, staffId?: number) {
  return bookingsOf(t.app, client).book(sessionId, staffId);
}

/** A booking's status as stored, whatever the API answered. */
async function bookingStatus(bookingId: number) {
  const row = await t.db
    .selectFrom('booking')
    .select('status')
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  return row.status;
}

function cancelSession(as: SignedInClient, sessionId: number, reason: string) {
  return typedApi(t.app, as).sessions[':id'].cancel.$post({
    param: { id: String(sessionId) },
    json: { reason },
  });
}

/** This person's own record, or (with staffId) someone else's as they may see it. */
function trainingRecord(as: SignedInClient, staffId?: number) {
  const api = typedApi(t.app, as);
  return staffId === undefined
    ? api.me.training.$get({ query: {} })
    : api.staff[':id'].training.$get({ param: { id: String(staffId) }, query: {} });
}

function calendarFile(as: SignedInClient, bookingId: number) {
  return typedApi(t.app, as).bookings[':id']['calendar.ics'].$get({
    param: { id: String(bookingId) },
  });
}

async function seats(sessionId: number) {
  return t.db
    .selectFrom('training_session')
    .select(['seats_taken', 'capacity'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

describe('booking a session', () => {
  it('books a seat, shows it in My training, and counts the seat', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 3 });
    const me = await learner();
    expect(await okBody(book(me, session.id), 201)).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    expect((await seats(session.id)).seats_taken).toBe(1);

    const record = await okBody(trainingRecord(me));
    const item = record.items.find((i) => i.course.id === course.id);
    expect(item).toMatchObject({
      status: 'booked',
      booking: { sessionId: session.id, canCancel: true },
    });
  });

  it('puts people on the waitlist in order when the session is full', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    await book(await learner(), session.id);
    const second = await okBody(book(await learner(), session.id));
    const third = await okBody(book(await learner(), session.id));
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(third).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await seats(session.id)).seats_taken).toBe(1);
  });

  it('holds at most one seat per course and fiscal year', async () => {
    const course = await makeCourse(t.db);
    const a = await makeSession(t.db, { courseId: course.id });
    const b = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    const me = await learner();
    await book(me, a.id);
    expect(await failure(book(me, b.id))).toEqual({ status: 409, code: 'ALREADY_BOOKED' });
    expect((await seats(b.id)).seats_taken).toBe(0);
  });

  it('drops my other waits when I get a seat', async () => {
    const course = await makeCourse(t.db);
    const full = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const open = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    await book(await learner(), full.id);
    const me = await learner();
    const wait = await okBody(book(me, full.id));
    expect(wait.status).toBe('waitlisted');
    await okBody(book(me, open.id), 201);
    expect(await bookingStatus(wait.id)).toBe('cancelled');
  });

  it('refuses cancelled, past, closed, not-yet-open and wrong-course sessions, changing nothing', async () => {
    const course = await makeCourse(t.db);
    const headsOnly = await makeCourse(t.db, { audience: { kind: 'section_heads' } });
    const cancelled = await makeSession(t.db, { courseId: course.id });
    await okBody(cancelSession(await admin(), cancelled.id, '講師の都合'));
    const past = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: -48,
      cutoffInHours: -72,
      opensInHours: -200,
    });
    const closed = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 10,
      cutoffInHours: -1,
    });
    const notOpen = await makeSession(t.db, { courseId: course.id, opensInHours: 24 });
    const wrongCourse = await makeSession(t.db, { courseId: headsOnly.id });
    const me = await learner();
    const cases: [number, string][] = [
      [cancelled.id, 'SESSION_CANCELLED'],
      [past.id, 'BOOKING_CLOSED'],
      [closed.id, 'BOOKING_CLOSED'],
      [notOpen.id, 'BOOKING_NOT_OPEN'],
      [wrongCourse.id, 'COURSE_NOT_REQUIRED'],
    ];
    for (const [sessionId, code] of cases) {
      expect(await failure(book(me, sessionId)), code).toEqual({ status: 409, code });
    }
    const mine = await t.db
      .selectFrom('booking')
      .select('id')
      .where('staff_id', '=', me.staffId)
      .execute();
    expect(mine).toEqual([]);
  });

  it('lists only sessions not yet begun when asked, and every session of a chosen month', async () => {
    const course = await makeCourse(t.db);
    const held = await makeSession(t.db, { courseId: course.id, startsInHours: -2 });
    const coming = await makeSession(t.db, { courseId: course.id, startsInHours: 48 });
    const sessions = typedApi(t.app, await admin()).sessions;
    const ids = async (query: { upcoming?: 'true'; month?: string }) => {
      const list = await okBody(
        sessions.$get({ query: { scope: 'all', courseId: String(course.id), ...query } }),
        200,
      );
      return list.items.map((s) => s.id);
    };
    expect(await ids({ upcoming: 'true' })).toEqual([coming.id]);
    expect(await ids({})).toEqual([held.id, coming.id]);
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date(Date.now() - 2 * 3_600_000));
    expect(await ids({ upcoming: 'true', month })).toContain(held.id);
  });

  it('returns 404 for a session that does not exist', async () => {
    expect((await failure(book(await learner(), 99_999_999))).status).toBe(404);
  });
});

describe('moving and cancelling', () => {
  it('moves a seat in one step and promotes the first person waiting on the old session', async () => {
    const course = await makeCourse(t.db);
    const from = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const to = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    const me = await learner();
    const seat = await okBody(book(me, from.id));
    const waiting = await learner();
    await book(waiting, from.id);

    expect(await okBody(bookingsOf(t.app, me).move(seat.id, to.id), 200)).toMatchObject({
      sessionId: to.id,
      status: 'confirmed',
    });
    expect((await seats(from.id)).seats_taken).toBe(1);
    expect((await seats(to.id)).seats_taken).toBe(1);
    const live = await t.db
      .selectFrom('booking')
      .selectAll()
      .where('staff_id', '=', me.staffId)
      .where('status', '=', 'confirmed')
      .execute();
    expect(live.map((b) => b.session_id)).toEqual([to.id]);

    const promoted = await okBody(trainingRecord(waiting));
    expect(promoted.items.find((i) => i.course.id === course.id)?.status).toBe('booked');
    const notes = await okBody(typedApi(t.app, waiting).me.notifications.$get({ query: {} }));
    expect(notes.items[0]?.kind).toBe('booking.promoted');
  });

  it('refuses to move into a full session and keeps the old seat', async () => {
    const course = await makeCourse(t.db);
    const from = await makeSession(t.db, { courseId: course.id });
    const full = await makeSession(t.db, { courseId: course.id, capacity: 1, startsInHours: 300 });
    await book(await learner(), full.id);
    const me = await learner();
    const seat = await okBody(book(me, from.id));
    expect(await failure(bookingsOf(t.app, me).move(seat.id, full.id))).toEqual({
      status: 409,
      code: 'SESSION_FULL',
    });
    expect(await bookingStatus(seat.id)).toBe('confirmed');
  });

  it('lets me cancel before the cut-off, and only an admin with a reason after it', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 48,
      cutoffInHours: 24,
    });
    const me = await learner();
    const seat = await okBody(book(me, session.id));
    await t.db
      .updateTable('training_session')
      .set({ booking_cutoff_at: new Date(Date.now() - 1000) })
      .where('id', '=', session.id)
      .execute();

    expect(await failure(bookingsOf(t.app, me).cancel(seat.id))).toEqual({
      status: 409,
      code: 'BOOKING_CLOSED',
    });

    const asAdmin = bookingsOf(t.app, await admin());
    expect((await failure(asAdmin.cancel(seat.id))).status).toBe(400);
    await okBody(asAdmin.cancel(seat.id, '急な出張'), 200);
    expect((await seats(session.id)).seats_taken).toBe(0);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'booking.cancelled_after_cutoff')
      .where('target_id', '=', String(seat.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('does not promote anyone after the cut-off', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, {
      courseId: course.id,
      capacity: 1,
      startsInHours: 48,
      cutoffInHours: 24,
    });
    const seat = await okBody(book(await learner(), session.id));
    const wait = await okBody(book(await learner(), session.id));
    await t.db
      .updateTable('training_session')
      .set({ booking_cutoff_at: new Date(Date.now() - 1000) })
      .where('id', '=', session.id)
      .execute();
    await okBody(bookingsOf(t.app, await admin()).cancel(seat.id, 'sick'));
    expect(await bookingStatus(wait.id)).toBe('waitlisted');
  });
});

describe('booking on behalf of others', () => {
  async function headOf(divisionId: number) {
    const head = await makePerson(t.db, ['section_head'], { org_unit_id: divisionId });
    return signedInAs(t.app, t.db, head.id);
  }

  it('lets a section head book for their people but not for others', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const division = await makeOrgUnit(t.db);
    const head = await headOf(division.id);
    const mine = await makeStaff(t.db, { org_unit_id: division.id });
    const stranger = await makeStaff(t.db);
    await okBody(book(head, session.id, mine.id), 201);
    expect((await failure(book(head, session.id, stranger.id))).status).toBe(404);
    const plain = await learner();
    expect((await failure(book(plain, session.id, mine.id))).status).toBe(404);
    const notes = await t.db
      .selectFrom('notification')
      .select('kind')
      .where('staff_id', '=', mine.id)
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['booking.made_for_you']);
  });

  it("shows a section head their person's seat, lets them move it, and refuses a second seat", async () => {
    const course = await makeCourse(t.db);
    const held = await makeSession(t.db, { courseId: course.id });
    const other = await makeSession(t.db, { courseId: course.id });
    const division = await makeOrgUnit(t.db);
    const head = await headOf(division.id);
    const mine = await makeStaff(t.db, { org_unit_id: division.id });
    const stranger = await makeStaff(t.db);
    const seat = await okBody(book(await signedInAs(t.app, t.db, mine.id), held.id));

    // The finder reads the person's places from their record, which only their overseers see.
    const record = await okBody(trainingRecord(head, mine.id));
    expect(record.items.find((i) => i.course.id === course.id)).toMatchObject({
      status: 'booked',
      booking: { id: seat.id, sessionId: held.id },
    });
    expect((await failure(trainingRecord(head, stranger.id))).status).toBe(404);
    expect((await failure(trainingRecord(await learner(), mine.id))).status).toBe(404);

    expect(await failure(book(head, other.id, mine.id))).toEqual({
      status: 409,
      code: 'ALREADY_BOOKED',
    });
    expect(await okBody(bookingsOf(t.app, head).move(seat.id, other.id), 200)).toMatchObject({
      sessionId: other.id,
      status: 'confirmed',
    });
    expect(await seats(held.id)).toMatchObject({ seats_taken: 0 });
    expect(await seats(other.id)).toMatchObject({ seats_taken: 1 });
  });
});

describe('scheduling sessions', () => {
  it('creates a series in one step and refuses overlapping times, creating nothing', async () => {
    const course = await makeCourse(t.db);
    const sessions = typedApi(t.app, await admin()).sessions;
    const base = { courseId: course.id, capacity: 30, venue: '本省 講堂' };
    const year = 2031; // 1 September 2031 is a Monday
    const { items } = await okBody(
      sessions.series.$post({
        json: {
          ...base,
          dates: [
            `${year}-09-01`,
            `${year}-09-02`,
            `${year}-09-03`,
            `${year}-09-04`,
            `${year}-09-08`,
          ],
          startTimes: ['10:00', '14:00'],
          durationMinutes: 90,
        },
      }),
      201,
    );
    expect(items).toHaveLength(10);
    expect(items[0]?.startsAt).toBe(`${year}-09-01T01:00:00.000Z`); // 10:00 in Tokyo
    // Cut-off defaults to 17:00 on the working day before (Monday 8 Sep → Friday 5 Sep).
    expect(items.at(-1)?.bookingCutoffAt).toBe(`${year}-09-05T08:00:00.000Z`);

    const overlapping = sessions.series.$post({
      json: {
        ...base,
        dates: [`${year}-10-01`],
        startTimes: ['10:00', '11:00'],
        durationMinutes: 90,
      },
    });
    expect(await failure(overlapping)).toEqual({ status: 400, code: 'OVERLAPPING_SESSIONS' });
    const october = await t.db
      .selectFrom('training_session')
      .select('id')
      .where('course_id', '=', course.id)
      .where('starts_at', '>=', new Date(`${year}-10-01T00:00:00+09:00`))
      .execute();
    expect(october).toEqual([]);
  });

  it('refuses a session that ends before it starts', async () => {
    const course = await makeCourse(t.db);
    const created = typedApi(t.app, await admin()).sessions.$post({
      json: {
        courseId: course.id,
        startsAt: '2030-02-10T14:00:00+09:00',
        endsAt: '2030-02-10T13:00:00+09:00',
        capacity: 10,
      },
    });
    expect(await failure(created)).toEqual({ status: 400, code: 'INVALID_TIME_RANGE' });
  });

  it('refuses a capacity below the seats taken, and promotes waiting people when it rises', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 2 });
    await book(await learner(), session.id);
    await book(await learner(), session.id);
    const wait = await okBody(book(await learner(), session.id));
    const thisSession = typedApi(t.app, await admin()).sessions[':id'];
    const setCapacity = (capacity: number) =>
      thisSession.$patch({ param: { id: String(session.id) }, json: { capacity } });

    expect(await failure(setCapacity(1))).toEqual({ status: 409, code: 'CAPACITY_BELOW_BOOKED' });
    expect((await seats(session.id)).capacity).toBe(2);

    expect(await okBody(setCapacity(3), 200)).toMatchObject({
      capacity: 3,
      seatsTaken: 3,
      waitingCount: 0,
    });
    expect(await bookingStatus(wait.id)).toBe('confirmed');
  });

  it('cancels a session with a reason: keeps it, releases and tells everyone', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const a = await learner();
    const b = await learner();
    await book(a, session.id);
    await book(b, session.id);
    const asAdmin = await admin();
    // No reason at all: the typed client insists on one, so this goes as the raw body.
    expect((await asAdmin.json(`/api/sessions/${session.id}/cancel`, {})).status).toBe(400);
    expect(await okBody(cancelSession(asAdmin, session.id, '会場の都合'), 200)).toMatchObject({
      status: 'cancelled',
      cancelReason: '会場の都合',
      seatsTaken: 0,
    });
    for (const person of [a, b]) {
      const notes = await okBody(typedApi(t.app, person).me.notifications.$get({ query: {} }));
      expect(notes.items[0]?.kind).toBe('session.cancelled');
      expect(notes.items[0]?.text.ja.body).toContain('理由: 会場の都合');
      expect(notes.items[0]?.text.en.body).toContain('Reason: 会場の都合');
    }
    const participants = await okBody(
      typedApi(t.app, asAdmin).sessions[':id'].roster.$get({ param: { id: String(session.id) } }),
    );
    expect(participants.items.every((e) => e.status === 'cancelled')).toBe(true);
    expect(participants.items[0]?.history.map((h) => h.action)).toContain('session_cancelled');
  });
});

describe('calendar', () => {
  it('gives each booking a stable UID, a higher SEQUENCE on change, and METHOD:CANCEL when cancelled', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    const seat = await okBody(book(me, session.id));
    const first = await (await calendarFile(me, seat.id)).text();
    expect(first).toContain('BEGIN:VEVENT');
    expect(first).toContain('METHOD:PUBLISH');
    const uid = /UID:(.+)/.exec(first)?.[1]?.trim();
    expect(uid).toBeTruthy();
    await okBody(bookingsOf(t.app, me).cancel(seat.id));
    const cancelled = await (await calendarFile(me, seat.id)).text();
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(/UID:(.+)/.exec(cancelled)?.[1]?.trim()).toBe(uid);
    expect(Number(/SEQUENCE:(\d+)/.exec(cancelled)?.[1])).toBeGreaterThan(
      Number(/SEQUENCE:(\d+)/.exec(first)?.[1] ?? 0),
    );
  });

  it("stamps a calendar file with the app's clock, as every other time it writes", async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    const seat = await okBody(book(me, session.id));
    t.clock.set('2026-12-01T09:30:15Z');
    try {
      const ics = await (await calendarFile(me, seat.id)).text();
      expect(/^DTSTAMP:(.+)$/m.exec(ics)?.[1]?.trim()).toBe('20261201T093015Z');
    } finally {
      t.clock.reset();
    }
  });

  it('describes the course, links back to the booking in Kenshu, and names the organiser', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    const seat = await okBody(book(me, session.id));
    const res = await calendarFile(me, seat.id);
    // Long lines are folded at 75 octets: unfold them before reading.
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    const description = /^DESCRIPTION:(.*)$/m.exec(ics)?.[1] ?? '';
    expect(description).toContain(course.title_ja);
    expect(description).toContain(course.code);
    expect(description).toMatch(new RegExp(`https?://\\S+/my-training#booking-${seat.id}$`));
    expect(ics).toMatch(/^ORGANIZER;CN="?Kenshu"?:mailto:\S+@\S+$/im);
    const feed = await okBody(typedApi(t.app, me).me['calendar-feed'].$post());
    expect(feed.url).not.toBeNull();
    // The feed is fetched at the address the API handed out, as a calendar program would.
    const feedIcs = (await (await t.app.request(new URL(feed.url ?? '').pathname)).text()).replace(
      /\r\n[ \t]/g,
      '',
    );
    expect(feedIcs).toContain(`/my-training#booking-${seat.id}`);
    expect(feedIcs).toMatch(/^ORGANIZER/m);
  });

  it('serves a private feed by secret URL, and stops when revoked', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    await book(me, session.id);
    const calendarFeed = typedApi(t.app, me).me['calendar-feed'];
    const { url } = await okBody(calendarFeed.$post());
    expect(url).not.toBeNull();
    // As above: the address handed out is what a calendar program would fetch.
    const path = new URL(url ?? '').pathname;
    const feed = await t.app.request(path);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    await calendarFeed.$delete();
    expect((await t.app.request(path)).status).toBe(404);
    const unknown = publicApi(t.app).calendar[':token'].$get({
      param: { token: 'not-a-real-token-at-all-123456.ics' },
    });
    expect((await unknown).status).toBe(404);
  });
});

describe('completions', () => {
  it('lets an admin credit a course with a reason; the record shows it completed', async () => {
    const course = await makeCourse(t.db);
    const person = await makeStaff(t.db);
    const asAdmin = await admin();
    const { fiscalYear } = await okBody(publicApi(t.app)['fiscal-years'].current.$get());
    const credit = (reason: string) =>
      typedApi(t.app, asAdmin).completions.credit.$post({
        json: { staffId: person.id, courseId: course.id, fiscalYear, reason },
      });
    await okStatus(credit('外部研修の受講証明'), 201);
    expect((await failure(credit('twice'))).status).toBe(409);
    const record = await okBody(trainingRecord(asAdmin, person.id));
    expect(record.items.find((i) => i.course.id === course.id)).toMatchObject({
      status: 'completed',
      completion: { kind: 'credited' },
    });
    await expect(
      t.db.updateTable('completion').set({ reason: 'edited' }).execute(),
    ).rejects.toThrow(/cannot be changed/);
  });
});
