import { requirementFactsSql, requirementStatusSql } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { requirementStatus, type RequirementFacts } from '@kenshu/domain';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';

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
  const admin = await as(adminId);
  const course = await makeCourse(t.db);
  const created = await admin.json('/api/e-learning/modules', {
    courseId: course.id,
    titleJa: '情報管理',
    titleEn: 'Information management',
    passMark: 80,
    attemptLimit: null,
    completionRule: 'all_sections_viewed',
    sections: [{ titleJa: '第1節', titleEn: 'Section 1', bodyJa: '本文', bodyEn: 'Body' }],
    questions: [],
  });
  expect(created.status).toBe(201);
  const module = await created.json();
  expect((await admin.json(`/api/e-learning/modules/${module.id}/publish`, {})).status).toBe(200);
  const rule = (enabled: boolean) => ({ enabled, dueDays: 30 });
  const saved = await admin.json(
    `/api/e-learning/courses/${course.id}/assignment-settings`,
    {
      fiscalYear: 2026,
      windowClosesOn: null,
      rules: { absent: rule(true), window_closed: rule(false), no_group_access: rule(false) },
    },
    'PUT',
  );
  expect(saved.status).toBe(200);
  return { course, moduleId: module.id as number };
}

async function myItem(client: SignedInClient, courseId: number) {
  const res = await client.request('/api/me/training');
  expect(res.status).toBe(200);
  const record = await res.json();
  return record.items.find((i: { course: { id: number } }) => i.course.id === courseId);
}

async function teamCounts(courseId: number) {
  const res = await (await as(adminId)).request(`/api/team/status?courseId=${courseId}`);
  expect(res.status).toBe(200);
  return (await res.json()).counts;
}

async function phase(client: SignedInClient, sessionId: number) {
  return (await (await client.request(`/api/sessions/${sessionId}`)).json()).phase;
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
    const booked = await me.json('/api/bookings', { sessionId: first.id });
    expect(booked.status).toBe(201);
    const seat = await booked.json();
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
    const moveRunning = await me.json(`/api/bookings/${seat.id}/move`, { sessionId: second.id });
    expect(moveRunning.status).toBe(409);
    expect((await moveRunning.json()).error.code).toBe('SESSION_STARTED');
    const admin = await as(adminId);
    const cancelRunning = await admin.json(`/api/bookings/${seat.id}/cancel`, { reason: 'x' });
    expect((await cancelRunning.json()).error.code).toBe('SESSION_STARTED');

    // Ended, roster not submitted: never upcoming, counted as awaiting the roster.
    t.clock.set(new Date(first.ends_at.getTime() + HOUR));
    me = await as(person.id);
    expect(await phase(me, first.id)).toBe('awaiting_roster');
    expect(await myItem(me, course.id)).toMatchObject({
      status: 'awaiting_roster',
      booking: null,
      pastSession: { sessionId: first.id, mark: null, finalised: false },
    });
    expect(await teamCounts(course.id)).toMatchObject({ booked: 0, awaitingRoster: 1 });
    const tooSoon = await me.json('/api/bookings', { sessionId: second.id });
    expect(tooSoon.status).toBe(409);
    expect((await tooSoon.json()).error.code).toBe('ALREADY_BOOKED');

    // The trainer submits the roster without marking them: a no-show, assigned the e-learning.
    const trainer = await as(trainerStaff.id);
    expect((await trainer.json(`/api/sessions/${first.id}/attendance/finalise`, {})).status).toBe(
      200,
    );
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
    const moveHistory = await me.json(`/api/bookings/${seat.id}/move`, { sessionId: second.id });
    expect(moveHistory.status).toBe(409);
    expect((await moveHistory.json()).error.code).toBe('SESSION_FINALISED');
    const cancelHistory = await (
      await as(adminId)
    ).json(`/api/bookings/${seat.id}/cancel`, { reason: 'tidy up' });
    expect(cancelHistory.status).toBe(409);
    expect((await cancelHistory.json()).error.code).toBe('SESSION_FINALISED');

    // …and it does not stand in the way of another session.
    const again = await me.json('/api/bookings', { sessionId: second.id });
    expect(again.status).toBe(201);
    expect(await myItem(me, course.id)).toMatchObject({
      status: 'booked',
      booking: { sessionId: second.id },
      pastSession: { sessionId: first.id, mark: 'absent' },
    });
    expect(await teamCounts(course.id)).toMatchObject({ booked: 1, eLearningAssigned: 0 });

    // Cancelled before it starts, the e-learning owed shows again; past its due day, overdue.
    const cancelled = await me.request(`/api/bookings/${(await again.json()).id}/cancel`, {
      method: 'POST',
    });
    expect(cancelled.status).toBe(200);
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
    await (await as(trainerStaff.id)).json(`/api/sessions/${held.id}/attendance/finalise`, {});
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
    let admin = await as(adminId);
    const noReason = await admin.json(`/api/sessions/${session.id}`, { venue: '別館' }, 'PATCH');
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details).toMatchObject({ field: 'reason' });

    await (await as(trainerStaff.id)).json(`/api/sessions/${session.id}/attendance/finalise`, {});
    admin = await as(adminId);
    const cancel = await admin.json(`/api/sessions/${session.id}/cancel`, { reason: '誤登録' });
    expect(cancel.status).toBe(409);
    expect((await cancel.json()).error.code).toBe('SESSION_FINALISED');
    const edited = await admin.json(
      `/api/sessions/${session.id}`,
      { venue: '本省 別館', reason: '会場の記録誤り' },
      'PATCH',
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ venue: '本省 別館', phase: 'finalised' });
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
      const res = await (await as(m.staffId)).json('/api/bookings', { sessionId: session.id });
      expect(res.status).toBe(201);
    }
    t.clock.set(new Date(session.ends_at.getTime() + HOUR));
    const trainer = await as(trainerStaff.id);
    const marked = await trainer.json(
      `/api/sessions/${session.id}/attendance`,
      { marks: marks.map((m) => ({ staffId: m.staffId, mark: m.mark })) },
      'PUT',
    );
    expect(marked.status).toBe(200);
    expect((await trainer.json(`/api/sessions/${session.id}/attendance/finalise`, {})).status).toBe(
      200,
    );
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
    const admin = await as(adminId);
    const saved = await admin.json(
      `/api/courses/${course.id}`,
      {
        code: course.code,
        titleJa: course.title_ja,
        titleEn: course.title_en,
        audience: { kind: 'all_staff' },
        completionModes: 'either',
        excusedGetELearning: false,
      },
      'PUT',
    );
    expect(saved.status).toBe(200);
    expect((await saved.json()).excusedGetELearning).toBe(false);
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
    await (await as(booked.id)).json('/api/bookings', { sessionId: ahead.id });
    await (await as(done.id)).json('/api/bookings', { sessionId: full.id });
    await (await as(waiting.id)).json('/api/bookings', { sessionId: full.id });
    let admin = await as(adminId);
    await admin.json('/api/completions/credit', {
      staffId: done.id,
      courseId: course.id,
      fiscalYear: 2026,
      reason: '他省庁で受講済み',
    });
    const manual = await admin.json('/api/e-learning/assignments', {
      staffId: withdrawn.id,
      courseId: course.id,
      fiscalYear: 2026,
      reason: 'テスト',
    });
    await admin.json(`/api/e-learning/assignments/${(await manual.json()).id}/withdraw`, {
      reason: '誤って割り当て',
    });

    const learner = await as(nothing.id);
    expect((await learner.request(`/api/e-learning/courses/${course.id}/assign-now`)).status).toBe(
      403,
    );
    const preview = await admin.request(`/api/e-learning/courses/${course.id}/assign-now`);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body).toMatchObject({ fiscalYear: 2026, dueOn: '2026-10-01', total: 2 });
    expect(body.people.map((p: { staffId: number }) => p.staffId).sort()).toEqual(
      [waiting.id, nothing.id].sort(),
    );

    admin = await as(adminId);
    const run = await admin.json(`/api/e-learning/courses/${course.id}/assign-now`, {});
    expect(await run.json()).toEqual({ assigned: 2, dueOn: '2026-10-01', fiscalYear: 2026 });
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
    const again = await admin.json(`/api/e-learning/courses/${course.id}/assign-now`, {});
    expect((await again.json()).assigned).toBe(0);
    const badDue = await admin.json(`/api/e-learning/courses/${course.id}/assign-now`, {
      dueOn: '2027-04-01',
    });
    expect(badDue.status).toBe(400);
  });
});
