import { requirementFactsSql, requirementStatusSql } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { requirementStatus, type RequirementFacts } from '@kenshu/domain';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { attendanceOf } from '../support/attendance.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { eLearningForAbsentees } from '../support/training.ts';
import { failure, failureBody, okBody, okStatus, typedApi } from '../support/typed-api.ts';

const t = useTestApp();
const START = '2026-09-01T09:00:00+09:00';
const HOUR = 3600_000;

let adminId: number;
const as = (staffId: number) => signedInAs(t.app, t.db, staffId, t.clock.now());

beforeAll(async () => {
  t.clock.set(START);
  adminId = (await makePerson(t.db, ['admin'])).id;
});

/** A course with a published e-learning module whose "absent" rule assigns it (30 days). */
async function courseWithELearning() {
  const course = await makeCourse(t.db);
  const module = await eLearningForAbsentees(t.app, await as(adminId), course.id);
  return { course, moduleId: module.id };
}

/** The person's own record for the course on My training. */
async function myItem(client: SignedInClient, courseId: number) {
  const record = await okBody(typedApi(t.app, client).me.training.$get({ query: {} }), 200);
  const item = record.items.find((i) => i.course.id === courseId);
  if (!item) throw new Error(`course ${courseId} is not on their record`);
  return item;
}

async function teamCounts(courseId: number) {
  const team = typedApi(t.app, await as(adminId)).team;
  const status = await okBody(team.status.$get({ query: { courseId: String(courseId) } }), 200);
  return status.counts;
}

async function phase(client: SignedInClient, sessionId: number) {
  const session = typedApi(t.app, client).sessions[':id'];
  return (await okBody(session.$get({ param: { id: String(sessionId) } }))).phase;
}

/** The trainer submits the session's attendance sheet. */
async function finalise(trainerId: number, sessionId: number) {
  await okBody(attendanceOf(t.app, await as(trainerId), sessionId).finalise(), 200);
}

describe('after a session', () => {
  it('shows what is owed after an absence, never the ended booking, and lets the person book again', async () => {
    t.clock.set(START);
    const { course, moduleId } = await courseWithELearning();
    const trainerStaff = await makePerson(t.db, ['trainer']);
    const unit = await makeOrgUnit(t.db);
    const person = await makeStaff(t.db, { org_unit_id: unit.id });
    const now = t.clock.now();
    const first = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 48,
      trainerIds: [trainerStaff.id],
      now,
    });
    const second = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 14, now });

    let me = await as(person.id);
    const seat = await okBody(bookingsOf(t.app, me).book(first.id), 201);
    expect(await myItem(me, course.id)).toMatchObject({
      status: 'booked',
      booking: { id: seat.id, sessionId: first.id },
    });
    expect(await phase(me, first.id)).toBe('scheduled');

    // The session is running: still the person's seat, but no longer theirs to move or cancel.
    t.clock.set(new Date(first.starts_at.getTime() + 30 * 60_000));
    me = await as(person.id);
    expect(await phase(me, first.id)).toBe('in_progress');
    expect((await myItem(me, course.id)).status).toBe('booked');
    const moveRunning = bookingsOf(t.app, me).move(seat.id, second.id);
    expect(await failure(moveRunning)).toEqual({ status: 409, code: 'SESSION_STARTED' });
    const cancelRunning = bookingsOf(t.app, await as(adminId)).cancel(seat.id, 'x');
    expect(await failure(cancelRunning)).toMatchObject({ code: 'SESSION_STARTED' });

    // Ended, attendance sheet not submitted: never upcoming, counted as awaiting the attendance
    // sheet.
    t.clock.set(new Date(first.ends_at.getTime() + HOUR));
    me = await as(person.id);
    expect(await phase(me, first.id)).toBe('awaiting_roster');
    expect(await myItem(me, course.id)).toMatchObject({
      status: 'awaiting_roster',
      booking: null,
      pastSession: { sessionId: first.id, mark: null, finalised: false },
    });
    expect(await teamCounts(course.id)).toMatchObject({ booked: 0, awaitingRoster: 1 });
    const tooSoon = bookingsOf(t.app, me).book(second.id);
    expect(await failure(tooSoon)).toEqual({ status: 409, code: 'ALREADY_BOOKED' });

    // The trainer submits the attendance sheet without marking them: a no-show, assigned the e-learning.
    await finalise(trainerStaff.id, first.id);
    me = await as(person.id);
    expect(await phase(me, first.id)).toBe('finalised');
    const afterAbsence = await myItem(me, course.id);
    expect(afterAbsence).toMatchObject({
      status: 'e_learning_assigned',
      booking: null,
      pastSession: { sessionId: first.id, mark: 'absent', finalised: true },
      assignment: { moduleId, dueOn: '2026-10-03', overdue: false, started: false },
    });
    expect(await teamCounts(course.id)).toMatchObject({
      booked: 0,
      awaitingRoster: 0,
      eLearningAssigned: 1,
    });

    // The finalised booking is history: neither the person nor an admin can move or cancel it.
    const moveHistory = bookingsOf(t.app, me).move(seat.id, second.id);
    expect(await failure(moveHistory)).toEqual({ status: 409, code: 'SESSION_FINALISED' });
    const cancelHistory = bookingsOf(t.app, await as(adminId)).cancel(seat.id, 'tidy up');
    expect(await failure(cancelHistory)).toEqual({ status: 409, code: 'SESSION_FINALISED' });

    // …and it does not stand in the way of another session.
    const again = await okBody(bookingsOf(t.app, me).book(second.id), 201);
    expect(await myItem(me, course.id)).toMatchObject({
      status: 'booked',
      booking: { sessionId: second.id },
      pastSession: { sessionId: first.id, mark: 'absent' },
    });
    expect(await teamCounts(course.id)).toMatchObject({ booked: 1, eLearningAssigned: 0 });

    // Cancelled before it starts, the e-learning owed shows again; past its due day, overdue.
    await okBody(bookingsOf(t.app, me).cancel(again.id), 200);
    expect((await myItem(me, course.id)).status).toBe('e_learning_assigned');
    t.clock.set('2026-10-04T09:00:00+09:00');
    expect((await myItem(await as(person.id), course.id)).status).toBe('e_learning_overdue');
    expect(await teamCounts(course.id)).toMatchObject({ eLearningOverdue: 1, booked: 0 });
  });

  it('keeps two live seats impossible in the database, and history unchangeable', async () => {
    t.clock.set(START);
    const { course } = await courseWithELearning();
    const trainerStaff = await makePerson(t.db, ['trainer']);
    const person = await makeStaff(t.db);
    const now = t.clock.now();
    const held = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 2,
      trainerIds: [trainerStaff.id],
      now,
    });
    const later = await makeSession(t.db, { courseId: course.id, startsInHours: 100, now });
    const third = await makeSession(t.db, { courseId: course.id, startsInHours: 200, now });
    const seat = {
      course_id: course.id,
      fiscal_year: held.fiscal_year,
      staff_id: person.id,
      status: 'confirmed' as const,
      booked_by: person.id,
    };
    const [old] = await t.db
      .insertInto('booking')
      .values({ ...seat, session_id: held.id })
      .returning('id')
      .execute();
    if (!old) throw new Error('no booking');
    await expect(
      t.db
        .insertInto('booking')
        .values({ ...seat, session_id: later.id })
        .execute(),
    ).rejects.toThrow(/booking_one_live_seat_per_course_year/);

    t.clock.set(new Date(held.ends_at.getTime() + HOUR));
    await finalise(trainerStaff.id, held.id);
    await t.db
      .insertInto('booking')
      .values({ ...seat, session_id: later.id })
      .execute();
    await expect(
      t.db
        .insertInto('booking')
        .values({ ...seat, session_id: third.id })
        .execute(),
    ).rejects.toThrow(/booking_one_live_seat_per_course_year/);
    await expect(
      t.db
        .updateTable('booking')
        .set({ status: 'cancelled', cancel_reason: 'x' })
        .where('id', '=', old.id)
        .execute(),
    ).rejects.toThrow(/history/);
    await expect(
      t.db.updateTable('booking').set({ session_id: third.id }).where('id', '=', old.id).execute(),
    ).rejects.toThrow(/history/);
    await expect(t.db.deleteFrom('booking').where('id', '=', old.id).execute()).rejects.toThrow(
      /history/,
    );
  });

  it('changes a session that has begun only with a reason, and never cancels a finalised one', async () => {
    t.clock.set(START);
    const course = await makeCourse(t.db);
    const trainerStaff = await makePerson(t.db, ['trainer']);
    const session = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 1,
      opensInHours: -100,
      trainerIds: [trainerStaff.id],
      now: t.clock.now(),
    });
    t.clock.set(new Date(session.ends_at.getTime() + HOUR));
    const param = { id: String(session.id) };
    let sessions = typedApi(t.app, await as(adminId)).sessions;
    const noReason = await failureBody(sessions[':id'].$patch({ param, json: { venue: '別館' } }));
    expect(noReason.status).toBe(400);
    expect(noReason.error.details).toMatchObject({ field: 'reason' });

    await finalise(trainerStaff.id, session.id);
    sessions = typedApi(t.app, await as(adminId)).sessions;
    const cancel = sessions[':id'].cancel.$post({ param, json: { reason: '誤登録' } });
    expect(await failure(cancel)).toEqual({ status: 409, code: 'SESSION_FINALISED' });
    const edited = await okBody(
      sessions[':id'].$patch({ param, json: { venue: '本省 別館', reason: '会場の記録誤り' } }),
      200,
    );
    expect(edited).toMatchObject({ venue: '本省 別館', phase: 'finalised' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_type', '=', 'session')
      .where('target_id', '=', String(session.id))
      .where('action', '=', 'session.updated')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ phase: 'finalised', reason: '会場の記録誤り' });
  });
});

describe('one rule for one person and for a count', () => {
  it('gives the same status in SQL as in the domain rule, for every combination of facts', async () => {
    const keys: (keyof RequirementFacts)[] = [
      'required',
      'completed',
      'upcomingSeat',
      'awaitingRoster',
      'eLearningOverdue',
      'eLearningStarted',
      'eLearningAssigned',
      'waiting',
    ];
    const combos = Array.from({ length: 1 << keys.length }, (_, bits) =>
      Object.fromEntries(keys.map((k, i) => [k, (bits & (1 << i)) !== 0])),
    ) as unknown as RequirementFacts[];
    // The real fact expressions, then every fact replaced by a column of the combinations.
    const real = requirementFactsSql(sql`0`, sql`0`, sql`true`, {
      fiscalYear: 2026,
      now: t.clock.now(),
      today: '2026-09-01',
    });
    const columns = Object.fromEntries(
      keys.map((k) => [k, sql.ref(`v.${k}`)]),
    ) as unknown as typeof real;
    const values = combos.map(
      (f, i) => sql`(${sql.join([sql`${i}::int`, ...keys.map((k) => sql`${f[k]}::boolean`)])})`,
    );
    const { rows } = await sql<{ i: number; status: string }>`
      select v.i, ${requirementStatusSql(columns)} as status
      from (values ${sql.join(values)}) as v(${sql.join(['i', ...keys].map((k) => sql.id(k)))})
      order by v.i`.execute(t.db);
    expect(rows.map((r) => r.status)).toEqual(combos.map((f) => requirementStatus(f)));
  });
});

describe('everyone who did not attend gets the e-learning', () => {
  async function finalisedSession(
    courseId: number,
    marks: { staffId: number; mark: 'present' | 'absent' | 'excused' }[],
  ) {
    const trainerStaff = await makePerson(t.db, ['trainer']);
    const now = t.clock.now();
    const session = await makeSession(t.db, {
      courseId,
      startsInHours: 48,
      trainerIds: [trainerStaff.id],
      now,
    });
    for (const m of marks) {
      await okBody(bookingsOf(t.app, await as(m.staffId)).book(session.id), 201);
    }
    t.clock.set(new Date(session.ends_at.getTime() + HOUR));
    const asTrainer = attendanceOf(t.app, await as(trainerStaff.id), session.id);
    await okBody(asTrainer.mark(marks.map((m) => ({ staffId: m.staffId, mark: m.mark }))), 200);
    await okBody(asTrainer.finalise(), 200);
    return session;
  }

  async function assignmentOf(staffId: number, courseId: number) {
    return t.db
      .selectFrom('assignment')
      .select(['source', 'status', 'session_id'])
      .where('staff_id', '=', staffId)
      .where('course_id', '=', courseId)
      .executeTakeFirst();
  }

  it('assigns the excused at finalise like the absent, unless the course says otherwise', async () => {
    t.clock.set(START);
    const { course } = await courseWithELearning();
    const [absent, excused, present] = [
      await makeStaff(t.db),
      await makeStaff(t.db),
      await makeStaff(t.db),
    ];
    const session = await finalisedSession(course.id, [
      { staffId: absent.id, mark: 'absent' },
      { staffId: excused.id, mark: 'excused' },
      { staffId: present.id, mark: 'present' },
    ]);
    expect(await assignmentOf(absent.id, course.id)).toEqual({
      source: 'absent',
      status: 'open',
      session_id: session.id,
    });
    expect(await assignmentOf(excused.id, course.id)).toEqual({
      source: 'excused',
      status: 'open',
      session_id: session.id,
    });
    expect(await assignmentOf(present.id, course.id)).toBeUndefined();
    expect((await myItem(await as(excused.id), course.id)).status).toBe('e_learning_assigned');

    // The course form's setting: excused people are left to book another session.
    const courses = typedApi(t.app, await as(adminId)).courses;
    const saved = await okBody(
      courses[':id'].$put({
        param: { id: String(course.id) },
        json: {
          code: course.code,
          titleJa: course.title_ja,
          titleEn: course.title_en,
          audience: { kind: 'all_staff' },
          completionModes: 'either',
          excusedGetELearning: false,
        },
      }),
      200,
    );
    expect(saved.excusedGetELearning).toBe(false);
    const [absent2, excused2] = [await makeStaff(t.db), await makeStaff(t.db)];
    await finalisedSession(course.id, [
      { staffId: absent2.id, mark: 'absent' },
      { staffId: excused2.id, mark: 'excused' },
    ]);
    expect((await assignmentOf(absent2.id, course.id))?.source).toBe('absent');
    expect(await assignmentOf(excused2.id, course.id)).toBeUndefined();
    expect(await myItem(await as(excused2.id), course.id)).toMatchObject({
      status: 'not_started',
      pastSession: { mark: 'excused', finalised: true },
    });
  });

  it('lets an admin preview and assign a course’s e-learning to everyone still without it', async () => {
    t.clock.set(START);
    const unit = await makeOrgUnit(t.db);
    const audience = { kind: 'rule' as const, roles: [], unitIds: [unit.id], employmentTypes: [] };
    const { course } = await courseWithELearning();
    await t.db
      .updateTable('course')
      .set({ audience: JSON.stringify(audience) })
      .where('id', '=', course.id)
      .execute();
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await makeStaff(t.db, { org_unit_id: unit.id }));
    const [booked, done, withdrawn, waiting, nothing] = people;
    if (!booked || !done || !withdrawn || !waiting || !nothing) throw new Error('people missing');
    const now = t.clock.now();
    const ahead = await makeSession(t.db, { courseId: course.id, startsInHours: 72, now });
    const full = await makeSession(t.db, {
      courseId: course.id,
      startsInHours: 96,
      capacity: 1,
      now,
    });
    expect((await okBody(bookingsOf(t.app, await as(booked.id)).book(ahead.id))).status).toBe(
      'confirmed',
    );
    expect((await okBody(bookingsOf(t.app, await as(done.id)).book(full.id))).status).toBe(
      'confirmed',
    );
    expect((await okBody(bookingsOf(t.app, await as(waiting.id)).book(full.id))).status).toBe(
      'waitlisted',
    );
    let api = typedApi(t.app, await as(adminId));
    await okStatus(
      api.completions.credit.$post({
        json: {
          staffId: done.id,
          courseId: course.id,
          fiscalYear: 2026,
          reason: '他省庁で受講済み',
        },
      }),
      201,
    );
    const manual = await okBody(
      api['e-learning'].assignments.$post({
        json: { staffId: withdrawn.id, courseId: course.id, fiscalYear: 2026, reason: 'テスト' },
      }),
      201,
    );
    await okBody(
      api['e-learning'].assignments[':id'].withdraw.$post({
        param: { id: String(manual.id) },
        json: { reason: '誤って割り当て' },
      }),
    );

    const param = { id: String(course.id) };
    const learner = typedApi(t.app, await as(nothing.id));
    const refused = learner['e-learning'].courses[':id']['assign-now'].$get({ param, query: {} });
    expect(await failure(refused)).toMatchObject({ status: 403 });
    const assignNow = () => api['e-learning'].courses[':id']['assign-now'];
    const body = await okBody(assignNow().$get({ param, query: {} }), 200);
    expect(body).toMatchObject({ fiscalYear: 2026, dueOn: '2026-10-01', total: 2 });
    expect(body.people.map((p) => p.staffId).sort()).toEqual([waiting.id, nothing.id].sort());

    api = typedApi(t.app, await as(adminId));
    const run = await okBody(assignNow().$post({ param, json: {} }));
    expect(run).toEqual({ assigned: 2, dueOn: '2026-10-01', fiscalYear: 2026 });
    expect(await assignmentOf(nothing.id, course.id)).toMatchObject({
      source: 'assigned_now',
      status: 'open',
    });
    expect(await assignmentOf(booked.id, course.id)).toBeUndefined();
    expect((await myItem(await as(nothing.id), course.id)).status).toBe('e_learning_assigned');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_staff_id', 'after'])
      .where('action', '=', 'assignment.assigned_now')
      .where('target_id', '=', String(course.id))
      .execute();
    expect(audit).toEqual([
      { actor_staff_id: adminId, after: { fiscalYear: 2026, dueOn: '2026-10-01', assigned: 2 } },
    ]);
    const again = await okBody(assignNow().$post({ param, json: {} }));
    expect(again.assigned).toBe(0);
    const badDue = assignNow().$post({ param, json: { dueOn: '2027-04-01' } });
    expect(await failure(badDue)).toMatchObject({ status: 400 });
  });
});
