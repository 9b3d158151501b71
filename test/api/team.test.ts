import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';

const t = useTestApp();

async function division() {
  const bureau = await makeOrgUnit(t.db);
  const mine = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const other = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  return { bureau, mine, other };
}

describe("a section head's view of their people", () => {
  it('shows where each person stands on a course, with counts, only within their unit', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const { mine, other } = await division();
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const booked = await makeStaff(t.db, { org_unit_id: mine.id });
    const done = await makeStaff(t.db, { org_unit_id: mine.id });
    const idle = await makeStaff(t.db, { org_unit_id: mine.id });
    const outsider = await makeStaff(t.db, { org_unit_id: other.id });
    await (
      await signedInAs(t.app, t.db, booked.id)
    ).json('/api/bookings', { sessionId: session.id });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const fy = (await (await t.app.request('/api/fiscal-years/current')).json()).fiscalYear;
    await admin.json('/api/completions/credit', {
      staffId: done.id,
      courseId: course.id,
      fiscalYear: fy,
      reason: 'test',
    });

    const res = await head.request(`/api/team/status?courseId=${course.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const byId = new Map(
      body.items.map((i: { staffId: number; status: string }) => [i.staffId, i.status]),
    );
    expect(byId.get(booked.id)).toBe('booked');
    expect(byId.get(done.id)).toBe('completed');
    expect(byId.get(idle.id)).toBe('not_started');
    expect(byId.has(outsider.id)).toBe(false);
    expect(body.counts).toMatchObject({ required: 4, completed: 1, booked: 1, notStarted: 2 });

    const unfinished = await (
      await head.request(`/api/team/status?courseId=${course.id}&status=not_completed`)
    ).json();
    expect(unfinished.items.map((i: { staffId: number }) => i.staffId)).not.toContain(done.id);
    expect(unfinished.total).toBe(3);
    expect(
      (await head.request(`/api/team/status?courseId=${course.id}&orgUnitId=${other.id}`)).status,
    ).toBe(403);
  });

  it('reminds only unfinished people in scope, in one audited batch', async () => {
    const course = await makeCourse(t.db);
    const { mine, other } = await division();
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const idle = await makeStaff(t.db, { org_unit_id: mine.id });
    const outsider = await makeStaff(t.db, { org_unit_id: other.id });
    const res = await head.json('/api/team/reminders', {
      filter: { courseId: course.id },
      staffIds: [idle.id, outsider.id],
      message: '今月中に受講してください',
    });
    expect(await res.json()).toMatchObject({ reminded: 1, skipped: 1 });
    const notes = await t.db
      .selectFrom('notification')
      .select(['staff_id', 'kind'])
      .where('kind', '=', 'training.reminder')
      .where('staff_id', 'in', [idle.id, outsider.id])
      .execute();
    expect(notes.map((n) => n.staff_id)).toEqual([idle.id]);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reminders.sent')
      .where('actor_staff_id', '=', headStaff.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses reminders for a fiscal year other than the current one', async () => {
    const course = await makeCourse(t.db);
    const { mine } = await division();
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const idle = await makeStaff(t.db, { org_unit_id: mine.id });
    const fy = (await (await t.app.request('/api/fiscal-years/current')).json()).fiscalYear;

    const lastYear = await head.json('/api/team/reminders', {
      filter: { courseId: course.id, fiscalYear: fy - 1 },
      staffIds: [idle.id],
    });
    expect(lastYear.status).toBe(400);
    expect((await lastYear.json()).error.code).toBe('VALIDATION');
    const notes = await t.db
      .selectFrom('notification')
      .select('id')
      .where('kind', '=', 'training.reminder')
      .where('staff_id', '=', idle.id)
      .execute();
    expect(notes).toHaveLength(0);

    const thisYear = await head.json('/api/team/reminders', {
      filter: { courseId: course.id, fiscalYear: fy },
      staffIds: [idle.id],
    });
    expect(await thisYear.json()).toMatchObject({ reminded: 1, skipped: 0 });
  });

  it('follows a course audience: the section-head course lists only section heads', async () => {
    const course = await makeCourse(t.db, { audience: { kind: 'section_heads' } });
    const { bureau, mine } = await division();
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'], { org_unit_id: bureau.id })).id,
    );
    const head = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
    await makeStaff(t.db, { org_unit_id: mine.id });
    const body = await (await officer.request(`/api/team/status?courseId=${course.id}`)).json();
    expect(body.items.map((i: { staffId: number }) => i.staffId)).toEqual([head.id]);
  });
  it('finds people by staff number, name or kana, with LIKE wildcards taken literally', async () => {
    const course = await makeCourse(t.db);
    const { mine } = await division();
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: mine.id })).id,
    );
    const hoshino = await makeStaff(t.db, {
      org_unit_id: mine.id,
      family_name: '星野',
      given_name: '源',
      family_name_kana: 'ほしの',
      given_name_kana: 'げん',
    });
    const other = await makeStaff(t.db, { org_unit_id: mine.id });
    const found = async (q: string) =>
      (
        await (
          await head.request(`/api/team/status?courseId=${course.id}&q=${encodeURIComponent(q)}`)
        ).json()
      ).items.map((i: { staffId: number }) => i.staffId);
    for (const q of [hoshino.staff_number.slice(1).toLowerCase(), '星野源', 'ほしのげ']) {
      expect(await found(q), q).toEqual([hoshino.id]);
    }
    expect(await found(other.staff_number)).toEqual([other.id]);
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });
});
