import type { Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { attendanceOf } from '../support/attendance.ts';
import { bookingsOf } from '../support/bookings.ts';
import { staffImportCsv, staffImportsOf } from '../support/staff-import.ts';
import { eLearningForAbsentees } from '../support/training.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

/**
 * A fiscal year walked for a handful of people with the injectable clock: booking, attending or
 * missing a session, the e-learning, a transfer. After every step each person's own page, their
 * section head's team page, the session's attendance sheet and its CSV, the audit log, the
 * report's figures, the people behind them and the report's CSV must all tell the same story.
 */
const t = useTestApp();
const HOUR = 3600_000;
const at = (iso: string) => t.clock.set(iso);
const as = (staffId: number) => signedInAs(t.app, t.db, staffId, t.clock.now());

type Unit = { id: number; code: string };
let adminId: number;
let trainerId: number;
let courseId: number;
let moduleId: number;
let bureau: Unit;
let divisionA: Unit;
let divisionB: Unit;
const heads = new Map<number, Staff>();
/** Where each person is now, by staff id: the unit whose team page should list them. */
const unitOf = new Map<number, number>();
const people: Record<'alice' | 'bob' | 'carol' | 'dave', Staff> = {} as never;

async function api(staffId: number) {
  return typedApi(t.app, await as(staffId));
}

async function myItem(staffId: number) {
  const record = await okBody((await api(staffId)).me.training.$get({ query: {} }), 200);
  const item = record.items.find((i) => i.course.id === courseId);
  if (!item) throw new Error(`the course is not on staff ${staffId}'s page`);
  return item;
}

/** A download's text, after checking it was answered. */
async function text(download: Promise<Response>): Promise<string> {
  const res = await download;
  expect(res.status, res.url).toBe(200);
  return res.text();
}

/** Every view of every person in both divisions, compared with what their own page says. */
async function allViewsAgree(step: string) {
  const admin = await api(adminId);
  for (const unit of [divisionA, divisionB]) {
    const members = [...unitOf].filter(([, u]) => u === unit.id).map(([id]) => id);
    const head = heads.get(unit.id);
    if (!head) throw new Error('no head');
    const team = await okBody(
      (await api(head.id)).team.status.$get({
        query: { courseId: String(courseId), limit: '100' },
      }),
      200,
    );
    const teamStatus = new Map<number, string>(team.items.map((i) => [i.staffId, i.status]));
    expect([...teamStatus.keys()].sort(), `${step}: who ${unit.code}'s team lists`).toEqual(
      [...members].sort(),
    );
    const scope = { courseId: String(courseId), orgUnitId: String(unit.id) };
    const annual = await okBody(admin.reports.annual.$get({ query: scope }), 200);
    const completedPeople = await okBody(
      admin.reports.people.$get({ query: { ...scope, status: 'completed', limit: '100' } }),
      200,
    );
    const reportDone = new Map(completedPeople.items.map((p) => [p.staffId, p]));
    const csv = await text(
      admin.reports.export[':table'].$get({
        param: { table: 'people' },
        query: { ...scope, status: 'completed', lang: 'en' },
      }),
    );
    let completed = 0;
    for (const id of members) {
      const mine = await myItem(id);
      const who = `${step}: staff ${id}`;
      expect(teamStatus.get(id), `${who} on the team page`).toBe(mine.status);
      const done = mine.status === 'completed';
      if (done) completed += 1;
      expect(reportDone.has(id), `${who} among the report's completed`).toBe(done);
      const number = [...Object.values(people), ...heads.values()].find(
        (p) => p.id === id,
      )?.staff_number;
      expect(csv.includes(`${number}`), `${who} in the report CSV`).toBe(done);
      if (done) {
        const method = {
          attended: 'group_session',
          e_learning: 'e_learning',
          credited: 'admin_credit',
        };
        expect(reportDone.get(id)?.method, who).toBe(
          mine.completion ? method[mine.completion.kind] : undefined,
        );
        expect(reportDone.get(id)?.completedOn, who).toBe(mine.completion?.completedOn);
      }
    }
    expect(annual.overall, `${step}: ${unit.code}'s figures`).toMatchObject({
      required: members.length,
      completed,
    });
    expect(team.counts, `${step}: ${unit.code}'s team counts`).toMatchObject({
      required: members.length,
      completed,
    });
  }
}

/** The attendance sheet, its CSV and each person's own page agree on the marks. */
async function sheetAgrees(sessionId: number, step: string) {
  const trainer = await as(trainerId);
  const sheet = await okBody(attendanceOf(t.app, trainer, sessionId).sheet(), 200);
  const csv = await text(
    typedApi(t.app, trainer).sessions[':id']['attendance.csv'].$get({
      param: { id: String(sessionId) },
      query: { lang: 'en' },
    }),
  );
  const label = { present: 'Present', late: 'Late', absent: 'Absent', excused: 'Excused' };
  for (const entry of sheet.entries) {
    const mine = await myItem(entry.staffId);
    expect(mine.pastSession?.sessionId, step).toBe(sessionId);
    expect(mine.pastSession?.mark ?? null, `${step}: ${entry.staffNumber}`).toBe(entry.mark);
    const row = csv.split('\r\n').find((l) => l.startsWith(entry.staffNumber)) ?? '';
    expect(row, `${step}: CSV row of ${entry.staffNumber}`).toContain(
      entry.mark === null ? 'Not marked' : label[entry.mark],
    );
  }
  return sheet;
}

async function auditOf(query: Record<string, string>) {
  const auditLog = (await api(adminId))['audit-log'];
  const page = await okBody(auditLog.$get({ query: { ...query, limit: '100' } }), 200);
  const csv = await text(auditLog['export.csv'].$get({ query }));
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  expect(lines.length, `audit CSV of ${JSON.stringify(query)}`).toBe(page.items.length);
  // Every time in the export is Tokyo time with its offset.
  for (const l of lines) expect(l.split(',')[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
  return page.items;
}

beforeAll(async () => {
  at('2026-04-01T09:00:00+09:00');
  adminId = (await makePerson(t.db, ['admin'])).id;
  trainerId = (await makePerson(t.db, ['trainer'])).id;
  bureau = await makeOrgUnit(t.db);
  divisionA = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  divisionB = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  for (const unit of [divisionA, divisionB]) {
    const head = await makePerson(t.db, ['section_head'], { org_unit_id: unit.id });
    heads.set(unit.id, head);
    unitOf.set(head.id, unit.id);
  }
  for (const name of ['alice', 'bob', 'carol', 'dave'] as const) {
    people[name] = await makeStaff(t.db, { org_unit_id: divisionA.id });
    unitOf.set(people[name].id, divisionA.id);
  }
  // Only this file's two divisions are required, so every figure can be counted by hand.
  const course = await makeCourse(t.db, {
    audience: {
      kind: 'rule',
      roles: [],
      unitIds: [divisionA.id, divisionB.id],
      employmentTypes: [],
    },
  });
  courseId = course.id;
  moduleId = (await eLearningForAbsentees(t.app, await as(adminId), courseId)).id;
});

describe('a whole fiscal year, every view telling one story', () => {
  it('walks April to March for five people', async () => {
    const { alice, bob, carol, dave } = people;
    await allViewsAgree('April, nobody has done anything');
    for (const p of Object.values(people)) expect((await myItem(p.id)).status).toBe('not_started');

    // June: three of them book the first September session.
    at('2026-06-01T09:00:00+09:00');
    const september = await makeSession(t.db, {
      courseId,
      startsInHours: (Date.parse('2026-09-01T10:00:00+09:00') - t.clock.now().getTime()) / HOUR,
      trainerIds: [trainerId],
      now: t.clock.now(),
    });
    const seats = new Map<number, number>();
    for (const p of [alice, bob, carol]) {
      const seat = await okBody(bookingsOf(t.app, await as(p.id)).book(september.id), 201);
      seats.set(p.id, seat.id);
    }
    await allViewsAgree('June, three booked');
    expect((await myItem(alice.id)).status).toBe('booked');

    // The session has ended; the trainer has not submitted the attendance sheet yet.
    at('2026-09-01T12:00:00+09:00');
    await allViewsAgree('September, awaiting the attendance sheet');
    expect((await myItem(bob.id)).status).toBe('awaiting_roster');

    // Alice and Carol came; Bob did not. The attendance sheet is submitted that afternoon.
    at('2026-09-01T12:30:00+09:00');
    const attendance = attendanceOf(t.app, await as(trainerId), september.id);
    await okBody(
      attendance.mark([
        { staffId: alice.id, mark: 'present' },
        { staffId: carol.id, mark: 'present' },
      ]),
      200,
    );
    await okBody(attendance.finalise(), 200);
    await allViewsAgree('September, attendance sheet submitted');
    expect((await myItem(alice.id)).completion).toMatchObject({
      kind: 'attended',
      completedOn: '2026-09-01',
    });
    const afterAbsence = await myItem(bob.id);
    expect(afterAbsence).toMatchObject({
      status: 'e_learning_assigned',
      booking: null,
      assignment: { moduleId, dueOn: '2026-10-01' },
    });
    const sheet = await sheetAgrees(september.id, 'September attendance sheet');
    expect(sheet.entries.map((e) => [e.staffId, e.mark]).sort()).toEqual(
      [
        [alice.id, 'present'],
        [bob.id, 'absent'],
        [carol.id, 'present'],
      ].sort(),
    );
    const sessionAudit = await auditOf({ targetType: 'session', targetId: String(september.id) });
    expect(sessionAudit.map((e) => e.action).sort()).toEqual(
      ['attendance.finalised', 'attendance.marked'].sort(),
    );
    expect(sessionAudit.find((e) => e.action === 'attendance.finalised')?.after).toMatchObject({
      present: 2,
      absent: 1,
      noShows: 1,
    });
    // History stays as it was: the ended booking can be neither moved nor cancelled.
    const cancel = bookingsOf(t.app, await as(bob.id)).cancel(seats.get(bob.id) ?? 0);
    expect((await failure(cancel)).status).toBe(409);

    // Bob takes the e-learning in the middle of September.
    at('2026-09-15T20:00:00+09:00');
    const bobsModule = (await api(bob.id))['e-learning'].modules[':id'];
    const param = { id: String(moduleId) };
    const player = await okBody(bobsModule.player.$get({ param }), 200);
    for (const s of player.sections)
      await okBody(bobsModule.progress.$post({ param, json: { sectionId: s.id } }), 200);
    expect((await myItem(bob.id)).completion).toMatchObject({
      kind: 'e_learning',
      completedOn: '2026-09-15',
    });
    await allViewsAgree('September, Bob did the e-learning');

    // October: Carol moves to division B; her completion goes with her.
    at('2026-10-01T09:00:00+09:00');
    const imports = staffImportsOf(t.app, await as(adminId));
    const file = staffImportCsv(
      [],
      [
        {
          number: carol.staff_number,
          unit: divisionB.code,
          family: carol.family_name,
          given: carol.given_name,
          familyKana: carol.family_name_kana,
          givenKana: carol.given_name_kana,
          email: carol.email,
        },
      ],
    );
    const query = { mode: 'partial', effectiveDate: '2026-10-01' } as const;
    const preview = await okBody(imports.preview(file, query), 200);
    const applied = await okBody(
      imports.apply(file, { ...query, checksum: preview.checksum }),
      200,
    );
    expect(applied.counts.staff).toMatchObject({ moved: 1 });
    unitOf.set(carol.id, divisionB.id);
    await allViewsAgree('October, Carol transferred');
    expect((await myItem(carol.id)).status).toBe('completed');
    expect((await auditOf({ action: 'roster.imported' })).length).toBeGreaterThanOrEqual(1);

    // November: Dave books a session, does not come, and lets the e-learning run overdue.
    at('2026-11-02T09:00:00+09:00');
    const november = await makeSession(t.db, {
      courseId,
      startsInHours: (Date.parse('2026-11-20T14:00:00+09:00') - t.clock.now().getTime()) / HOUR,
      trainerIds: [trainerId],
      now: t.clock.now(),
    });
    await okBody(bookingsOf(t.app, await as(dave.id)).book(november.id), 201);
    await allViewsAgree('November, Dave booked');
    at('2026-11-20T16:00:00+09:00');
    await okBody(attendanceOf(t.app, await as(trainerId), november.id).finalise(), 200);
    await sheetAgrees(november.id, 'November attendance sheet');
    await allViewsAgree('November, Dave missed it');
    expect((await myItem(dave.id)).status).toBe('e_learning_assigned');

    at('2027-01-05T09:00:00+09:00');
    await allViewsAgree('January, Dave overdue');
    expect((await myItem(dave.id)).status).toBe('e_learning_overdue');

    // March: the year's figures stand as the walk left them.
    at('2027-03-31T17:00:00+09:00');
    await allViewsAgree('March, the year closes');
    const whole = await okBody(
      (await api(adminId)).reports.annual.$get({
        query: { courseId: String(courseId), orgUnitId: String(bureau.id) },
      }),
      200,
    );
    expect(whole.overall).toMatchObject({ required: 6, completed: 3 });
    expect(Object.fromEntries(whole.methods.map((m) => [m.method, m.completed]))).toMatchObject({
      group_session: 2,
      e_learning: 1,
    });
  });
});
