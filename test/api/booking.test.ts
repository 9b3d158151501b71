import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';

const t = useTestApp();

async function learner() {
  return signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
}

async function book(
  client: Awaited<ReturnType<typeof learner>>,
  sessionId: number,
  staffId?: number,
) {
  return client.json('/api/bookings', staffId ? { sessionId, staffId } : { sessionId });
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
    const res = await book(me, session.id);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await seats(session.id)).seats_taken).toBe(1);

    const record = await (await me.request('/api/me/training')).json();
    const item = record.items.find((i: { course: { id: number } }) => i.course.id === course.id);
    expect(item).toMatchObject({
      status: 'booked',
      booking: { sessionId: session.id, canCancel: true },
    });
  });

  it('puts people on the waitlist in order when the session is full', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    await book(await learner(), session.id);
    const second = await (await book(await learner(), session.id)).json();
    const third = await (await book(await learner(), session.id)).json();
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
    const again = await book(me, b.id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('ALREADY_BOOKED');
    expect((await seats(b.id)).seats_taken).toBe(0);
  });

  it('drops my other waits when I get a seat', async () => {
    const course = await makeCourse(t.db);
    const full = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const open = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    await book(await learner(), full.id);
    const me = await learner();
    const wait = await (await book(me, full.id)).json();
    expect(wait.status).toBe('waitlisted');
    expect((await book(me, open.id)).status).toBe(201);
    const row = await t.db
      .selectFrom('booking')
      .select('status')
      .where('id', '=', wait.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it('refuses cancelled, past, closed, not-yet-open and wrong-course sessions, changing nothing', async () => {
    const course = await makeCourse(t.db);
    const headsOnly = await makeCourse(t.db, { audience: { kind: 'section_heads' } });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const cancelled = await makeSession(t.db, { courseId: course.id });
    await admin.json(`/api/sessions/${cancelled.id}/cancel`, { reason: '講師の都合' });
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
      const res = await book(me, sessionId);
      expect(res.status, code).toBe(409);
      expect((await res.json()).error.code).toBe(code);
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
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const ids = async (query: string) => {
      const res = await admin.request(`/api/sessions?scope=all&courseId=${course.id}&${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()).items as { id: number }[]).map((s) => s.id);
    };
    expect(await ids('upcoming=true')).toEqual([coming.id]);
    expect(await ids('')).toEqual([held.id, coming.id]);
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date(Date.now() - 2 * 3_600_000));
    expect(await ids(`upcoming=true&month=${month}`)).toContain(held.id);
  });

  it('returns 404 for a session that does not exist', async () => {
    expect((await book(await learner(), 99_999_999)).status).toBe(404);
  });
});

describe('moving and cancelling', () => {
  it('moves a seat in one step and promotes the first person waiting on the old session', async () => {
    const course = await makeCourse(t.db);
    const from = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const to = await makeSession(t.db, { courseId: course.id, startsInHours: 300 });
    const me = await learner();
    const seat = await (await book(me, from.id)).json();
    const waiting = await learner();
    await book(waiting, from.id);

    const res = await me.json(`/api/bookings/${seat.id}/move`, { sessionId: to.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sessionId: to.id, status: 'confirmed' });
    expect((await seats(from.id)).seats_taken).toBe(1);
    expect((await seats(to.id)).seats_taken).toBe(1);
    const live = await t.db
      .selectFrom('booking')
      .selectAll()
      .where('staff_id', '=', me.staffId)
      .where('status', '=', 'confirmed')
      .execute();
    expect(live.map((b) => b.session_id)).toEqual([to.id]);

    const promoted = await (await waiting.request('/api/me/training')).json();
    expect(
      promoted.items.find((i: { course: { id: number } }) => i.course.id === course.id).status,
    ).toBe('booked');
    const notes = await (await waiting.request('/api/me/notifications')).json();
    expect(notes.items[0].kind).toBe('booking.promoted');
  });

  it('refuses to move into a full session and keeps the old seat', async () => {
    const course = await makeCourse(t.db);
    const from = await makeSession(t.db, { courseId: course.id });
    const full = await makeSession(t.db, { courseId: course.id, capacity: 1, startsInHours: 300 });
    await book(await learner(), full.id);
    const me = await learner();
    const seat = await (await book(me, from.id)).json();
    const res = await me.json(`/api/bookings/${seat.id}/move`, { sessionId: full.id });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('SESSION_FULL');
    const row = await t.db
      .selectFrom('booking')
      .select('status')
      .where('id', '=', seat.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('lets me cancel before the cut-off, and only an admin with a reason after it', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 48,
      cutoffInHours: 24,
    });
    const me = await learner();
    const seat = await (await book(me, session.id)).json();
    await t.db
      .updateTable('training_session')
      .set({ booking_cutoff_at: new Date(Date.now() - 1000) })
      .where('id', '=', session.id)
      .execute();

    const late = await me.request(`/api/bookings/${seat.id}/cancel`, { method: 'POST' });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('BOOKING_CLOSED');

    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = await signedInAs(t.app, t.db, adminStaff.id);
    expect((await admin.json(`/api/bookings/${seat.id}/cancel`, {})).status).toBe(400);
    const ok = await admin.json(`/api/bookings/${seat.id}/cancel`, { reason: '急な出張' });
    expect(ok.status).toBe(200);
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
    const first = await learner();
    const seat = await (await book(first, session.id)).json();
    const waiter = await learner();
    const wait = await (await book(waiter, session.id)).json();
    await t.db
      .updateTable('training_session')
      .set({ booking_cutoff_at: new Date(Date.now() - 1000) })
      .where('id', '=', session.id)
      .execute();
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    await admin.json(`/api/bookings/${seat.id}/cancel`, { reason: 'sick' });
    const row = await t.db
      .selectFrom('booking')
      .select('status')
      .where('id', '=', wait.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('waitlisted');
  });
});

describe('booking on behalf of others', () => {
  it('lets a section head book for their people but not for others', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const division = await makeOrgUnit(t.db);
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: division.id })).id,
    );
    const mine = await makeStaff(t.db, { org_unit_id: division.id });
    const stranger = await makeStaff(t.db);
    const ok = await book(head, session.id, mine.id);
    expect(ok.status).toBe(201);
    expect((await book(head, session.id, stranger.id)).status).toBe(404);
    const plain = await learner();
    expect((await book(plain, session.id, mine.id)).status).toBe(404);
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
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: division.id })).id,
    );
    const mine = await makeStaff(t.db, { org_unit_id: division.id });
    const stranger = await makeStaff(t.db);
    const seat = await (await book(await signedInAs(t.app, t.db, mine.id), held.id)).json();

    // The finder reads the person's places from their record, which only their overseers see.
    const record = await (await head.request(`/api/staff/${mine.id}/training`)).json();
    expect(
      record.items.find((i: { course: { id: number } }) => i.course.id === course.id),
    ).toMatchObject({ status: 'booked', booking: { id: seat.id, sessionId: held.id } });
    expect((await head.request(`/api/staff/${stranger.id}/training`)).status).toBe(404);
    expect((await (await learner()).request(`/api/staff/${mine.id}/training`)).status).toBe(404);

    const second = await book(head, other.id, mine.id);
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('ALREADY_BOOKED');
    const moved = await head.json(`/api/bookings/${seat.id}/move`, { sessionId: other.id });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ sessionId: other.id, status: 'confirmed' });
    expect(await seats(held.id)).toMatchObject({ seats_taken: 0 });
    expect(await seats(other.id)).toMatchObject({ seats_taken: 1 });
  });
});

describe('scheduling sessions', () => {
  it('creates a series in one step and refuses overlapping times, creating nothing', async () => {
    const course = await makeCourse(t.db);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const base = { courseId: course.id, capacity: 30, venue: '本省 講堂' };
    const year = 2031; // 1 September 2031 is a Monday
    const series = await admin.json('/api/sessions/series', {
      ...base,
      dates: [`${year}-09-01`, `${year}-09-02`, `${year}-09-03`, `${year}-09-04`, `${year}-09-08`],
      startTimes: ['10:00', '14:00'],
      durationMinutes: 90,
    });
    expect(series.status).toBe(201);
    const { items } = await series.json();
    expect(items).toHaveLength(10);
    expect(items[0].startsAt).toBe(`${year}-09-01T01:00:00.000Z`); // 10:00 in Tokyo
    // Cut-off defaults to 17:00 on the working day before (Monday 8 Sep → Friday 5 Sep).
    expect(items.at(-1).bookingCutoffAt).toBe(`${year}-09-05T08:00:00.000Z`);

    const overlapping = await admin.json('/api/sessions/series', {
      ...base,
      dates: [`${year}-10-01`],
      startTimes: ['10:00', '11:00'],
      durationMinutes: 90,
    });
    expect(overlapping.status).toBe(400);
    expect((await overlapping.json()).error.code).toBe('OVERLAPPING_SESSIONS');
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
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const res = await admin.json('/api/sessions', {
      courseId: course.id,
      startsAt: '2030-02-10T14:00:00+09:00',
      endsAt: '2030-02-10T13:00:00+09:00',
      capacity: 10,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_TIME_RANGE');
  });

  it('refuses a capacity below the seats taken, and promotes waiting people when it rises', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 2 });
    await book(await learner(), session.id);
    await book(await learner(), session.id);
    const waiter = await learner();
    const wait = await (await book(waiter, session.id)).json();
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);

    const tooSmall = await admin.json(`/api/sessions/${session.id}`, { capacity: 1 }, 'PATCH');
    expect(tooSmall.status).toBe(409);
    expect((await tooSmall.json()).error.code).toBe('CAPACITY_BELOW_BOOKED');
    expect((await seats(session.id)).capacity).toBe(2);

    const bigger = await admin.json(`/api/sessions/${session.id}`, { capacity: 3 }, 'PATCH');
    expect(bigger.status).toBe(200);
    expect(await bigger.json()).toMatchObject({ capacity: 3, seatsTaken: 3, waitingCount: 0 });
    const row = await t.db
      .selectFrom('booking')
      .select('status')
      .where('id', '=', wait.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('cancels a session with a reason: keeps it, releases and tells everyone', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, capacity: 1 });
    const a = await learner();
    const b = await learner();
    await book(a, session.id);
    await book(b, session.id);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    expect((await admin.json(`/api/sessions/${session.id}/cancel`, {})).status).toBe(400);
    const res = await admin.json(`/api/sessions/${session.id}/cancel`, { reason: '会場の都合' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '会場の都合',
      seatsTaken: 0,
    });
    for (const person of [a, b]) {
      const notes = await (await person.request('/api/me/notifications')).json();
      expect(notes.items[0].kind).toBe('session.cancelled');
      expect(notes.items[0].text.ja.body).toContain('理由: 会場の都合');
      expect(notes.items[0].text.en.body).toContain('Reason: 会場の都合');
    }
    const participants = await (await admin.request(`/api/sessions/${session.id}/roster`)).json();
    expect(participants.items.every((e: { status: string }) => e.status === 'cancelled')).toBe(
      true,
    );
    expect(participants.items[0].history.map((h: { action: string }) => h.action)).toContain(
      'session_cancelled',
    );
  });
});

describe('calendar', () => {
  it('gives each booking a stable UID, a higher SEQUENCE on change, and METHOD:CANCEL when cancelled', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    const seat = await (await book(me, session.id)).json();
    const first = await (await me.request(`/api/bookings/${seat.id}/calendar.ics`)).text();
    expect(first).toContain('BEGIN:VEVENT');
    expect(first).toContain('METHOD:PUBLISH');
    const uid = /UID:(.+)/.exec(first)?.[1]?.trim();
    expect(uid).toBeTruthy();
    await me.request(`/api/bookings/${seat.id}/cancel`, { method: 'POST' });
    const cancelled = await (await me.request(`/api/bookings/${seat.id}/calendar.ics`)).text();
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(/UID:(.+)/.exec(cancelled)?.[1]?.trim()).toBe(uid);
    expect(Number(/SEQUENCE:(\d+)/.exec(cancelled)?.[1])).toBeGreaterThan(
      Number(/SEQUENCE:(\d+)/.exec(first)?.[1] ?? 0),
    );
  });

  it('describes the course, links back to the booking in Kenshu, and names the organiser', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    const seat = await (await book(me, session.id)).json();
    const res = await me.request(`/api/bookings/${seat.id}/calendar.ics`);
    // Long lines are folded at 75 octets: unfold them before reading.
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    const description = /^DESCRIPTION:(.*)$/m.exec(ics)?.[1] ?? '';
    expect(description).toContain(course.title_ja);
    expect(description).toContain(course.code);
    expect(description).toMatch(new RegExp(`https?://\\S+/my-training#booking-${seat.id}$`));
    expect(ics).toMatch(/^ORGANIZER;CN="?Kenshu"?:mailto:\S+@\S+$/im);
    const feed = await (await me.request('/api/me/calendar-feed', { method: 'POST' })).json();
    const feedIcs = (await (await t.app.request(new URL(feed.url).pathname)).text()).replace(
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
    const { url } = await (await me.request('/api/me/calendar-feed', { method: 'POST' })).json();
    const path = new URL(url).pathname;
    const feed = await t.app.request(path);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    await me.request('/api/me/calendar-feed', { method: 'DELETE' });
    expect((await t.app.request(path)).status).toBe(404);
    expect((await t.app.request('/api/calendar/not-a-real-token-at-all-123456.ics')).status).toBe(
      404,
    );
  });
});

describe('completions', () => {
  it('lets an admin credit a course with a reason; the record shows it completed', async () => {
    const course = await makeCourse(t.db);
    const person = await makeStaff(t.db);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const fy = (await (await t.app.request('/api/fiscal-years/current')).json()).fiscalYear;
    const res = await admin.json('/api/completions/credit', {
      staffId: person.id,
      courseId: course.id,
      fiscalYear: fy,
      reason: '外部研修の受講証明',
    });
    expect(res.status).toBe(201);
    const again = await admin.json('/api/completions/credit', {
      staffId: person.id,
      courseId: course.id,
      fiscalYear: fy,
      reason: 'twice',
    });
    expect(again.status).toBe(409);
    const record = await (await admin.request(`/api/staff/${person.id}/training`)).json();
    expect(
      record.items.find((i: { course: { id: number } }) => i.course.id === course.id),
    ).toMatchObject({
      status: 'completed',
      completion: { kind: 'credited' },
    });
    await expect(
      t.db.updateTable('completion').set({ reason: 'edited' }).execute(),
    ).rejects.toThrow(/cannot be changed/);
  });
});
