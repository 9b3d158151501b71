import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { failure, okBody, okStatus, publicApi, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

type StatusQuery = Parameters<ReturnType<typeof typedApi>['team']['status']['$get']>[0]['query'];
type ReminderRequest = Parameters<ReturnType<typeof typedApi>['team']['reminders']['$post']>[0];

/** The team page's list for a course, as this person asks for it. */
function teamStatus(as: SignedInClient, courseId: number, query: StatusQuery = {}) {
  return typedApi(t.app, as).team.status.$get({
    query: { courseId: String(courseId), ...query },
  });
}

function remind(as: SignedInClient, json: ReminderRequest['json']) {
  return typedApi(t.app, as).team.reminders.$post({ json });
}

async function currentFiscalYear() {
  return (await okBody(publicApi(t.app)['fiscal-years'].current.$get())).fiscalYear;
}

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
    await okBody(bookingsOf(t.app, await signedInAs(t.app, t.db, booked.id)).book(session.id));
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const fy = await currentFiscalYear();
    const credited = typedApi(t.app, admin).completions.credit.$post({
      json: { staffId: done.id, courseId: course.id, fiscalYear: fy, reason: 'test' },
    });
    await okStatus(credited, 201);

    const body = await okBody(teamStatus(head, course.id), 200);
    const byId = new Map(body.items.map((i) => [i.staffId, i.status]));
    expect(byId.get(booked.id)).toBe('booked');
    expect(byId.get(done.id)).toBe('completed');
    expect(byId.get(idle.id)).toBe('not_started');
    expect(byId.has(outsider.id)).toBe(false);
    expect(body.counts).toMatchObject({ required: 4, completed: 1, booked: 1, notStarted: 2 });

    const unfinished = await okBody(teamStatus(head, course.id, { status: 'not_completed' }));
    expect(unfinished.items.map((i) => i.staffId)).not.toContain(done.id);
    expect(unfinished.total).toBe(3);
    const elsewhere = teamStatus(head, course.id, { orgUnitId: String(other.id) });
    expect((await failure(elsewhere)).status).toBe(403);
  });

  it('reminds only unfinished people in scope, in one audited batch', async () => {
    const course = await makeCourse(t.db);
    const { mine, other } = await division();
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const idle = await makeStaff(t.db, { org_unit_id: mine.id });
    const outsider = await makeStaff(t.db, { org_unit_id: other.id });
    const res = remind(head, {
      filter: { courseId: course.id },
      staffIds: [idle.id, outsider.id],
      message: '今月中に受講してください',
    });
    expect(await okBody(res)).toMatchObject({ reminded: 1, skipped: 1 });
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
    const fy = await currentFiscalYear();

    const lastYear = remind(head, {
      filter: { courseId: course.id, fiscalYear: fy - 1 },
      staffIds: [idle.id],
    });
    expect(await failure(lastYear)).toEqual({ status: 400, code: 'VALIDATION' });
    const notes = await t.db
      .selectFrom('notification')
      .select('id')
      .where('kind', '=', 'training.reminder')
      .where('staff_id', '=', idle.id)
      .execute();
    expect(notes).toHaveLength(0);

    const thisYear = remind(head, {
      filter: { courseId: course.id, fiscalYear: fy },
      staffIds: [idle.id],
    });
    expect(await okBody(thisYear)).toMatchObject({ reminded: 1, skipped: 0 });
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
    const body = await okBody(teamStatus(officer, course.id));
    expect(body.items.map((i) => i.staffId)).toEqual([head.id]);
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
      (await okBody(teamStatus(head, course.id, { q }))).items.map((i) => i.staffId);
    for (const q of [hoshino.staff_number.slice(1).toLowerCase(), '星野源', 'ほしのげ']) {
      expect(await found(q), q).toEqual([hoshino.id]);
    }
    expect(await found(other.staff_number)).toEqual([other.id]);
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });
});
