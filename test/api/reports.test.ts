import { insertStaff, type OrgUnit } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff, unique } from '@kenshu/db/testing';
import { REPORT_TABLES } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

/** The reports API as this person calls it. */
function reports(as: SignedInClient) {
  return typedApi(t.app, as).reports;
}

/** What every report reads: year, course and unit, as they go in the query string. */
interface ReportFilter {
  fiscalYear?: number;
  courseId?: number;
  orgUnitId?: number;
}

function reportQuery({ fiscalYear, courseId, orgUnitId }: ReportFilter) {
  return {
    ...(fiscalYear === undefined ? {} : { fiscalYear: String(fiscalYear) }),
    ...(courseId === undefined ? {} : { courseId: String(courseId) }),
    ...(orgUnitId === undefined ? {} : { orgUnitId: String(orgUnitId) }),
  };
}

/** A download's text with its byte-order mark kept (Response.text() would drop it). */
async function csvText(res: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

// 15 October 2026 in Tokyo: FY2026 (令和8年度) is under way, FY2025 closed on 31 March.
const TODAY = '2026-10-15T12:00:00+09:00';

interface Org {
  ministry: OrgUnit;
  bureau: OrgUnit;
  divisionA: OrgUnit;
  divisionB: OrgUnit;
  otherBureau: OrgUnit;
}

async function organisation(): Promise<Org> {
  const ministry = await makeOrgUnit(t.db, { kind: 'ministry' });
  const bureau = await makeOrgUnit(t.db, { parent_id: ministry.id, kind: 'bureau' });
  const divisionA = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const divisionB = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const otherBureau = await makeOrgUnit(t.db, { parent_id: ministry.id, kind: 'bureau' });
  return { ministry, bureau, divisionA, divisionB, otherBureau };
}

async function complete(
  staffId: number,
  courseId: number,
  kind: 'attended' | 'e_learning' | 'credited',
  at: string,
  fiscalYear = 2026,
) {
  const [row] = await t.db
    .insertInto('completion')
    .values({
      staff_id: staffId,
      course_id: courseId,
      fiscal_year: fiscalYear,
      kind,
      reason: kind === 'credited' ? '他省庁で受講済み' : null,
      recorded_by: null,
      recorded_at: at,
    })
    .returning('id')
    .execute();
  return row?.id ?? 0;
}

describe('the annual report', () => {
  let org: Org;
  let admin: SignedInClient;
  let courseId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t.clock.set(TODAY);
    org = await organisation();
    const course = await makeCourse(t.db);
    courseId = course.id;
    admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    // Division A: a section head and three staff; division B: a PJMO member and a part-timer;
    // the other bureau: one temporary worker. Three in A complete, in three ways.
    const a = org.divisionA.id;
    const b = org.divisionB.id;
    ids.head = (await makePerson(t.db, ['section_head'], { org_unit_id: a })).id;
    ids.a1 = (await makeStaff(t.db, { org_unit_id: a })).id;
    ids.a2 = (await makeStaff(t.db, { org_unit_id: a })).id;
    ids.a3 = (await makeStaff(t.db, { org_unit_id: a })).id;
    ids.pjmo = (await makePerson(t.db, ['pjmo_member'], { org_unit_id: b })).id;
    ids.part = (await makeStaff(t.db, { org_unit_id: b, employment_type: 'part_time' })).id;
    ids.temp = (
      await makeStaff(t.db, { org_unit_id: org.otherBureau.id, employment_type: 'temporary' })
    ).id;
    ids.gone = (await makeStaff(t.db, { org_unit_id: a, active: false })).id;
    await complete(ids.head, courseId, 'attended', '2026-09-08T15:00:00+09:00');
    await complete(ids.a1, courseId, 'e_learning', '2026-09-10T10:00:00+09:00');
    await complete(ids.a2, courseId, 'credited', '2026-10-13T10:00:00+09:00');
    await complete(ids.pjmo, courseId, 'attended', '2026-09-09T15:00:00+09:00');
    // A withdrawn completion does not count; nor does someone no longer here.
    const wrong = await complete(ids.part, courseId, 'attended', '2026-09-09T15:00:00+09:00');
    await t.db
      .insertInto('completion')
      .values({
        staff_id: ids.part,
        course_id: courseId,
        fiscal_year: 2026,
        kind: 'withdrawn',
        withdraws_completion_id: wrong,
        reason: '欠席だった',
        recorded_by: null,
      })
      .execute();
    await complete(ids.gone, courseId, 'attended', '2026-09-09T15:00:00+09:00');
  });

  async function report(filter: ReportFilter, client = admin) {
    return okBody(reports(client).annual.$get({ query: reportQuery(filter) }), 200);
  }

  it('gives coverage per unit, own and rolled up, per group, per type and per method', async () => {
    const body = await report({ courseId, orgUnitId: org.ministry.id });
    expect(body).toMatchObject({
      fiscalYear: 2026,
      asOf: '2026-10-15',
      closed: false,
      basis: 'current_staff',
      note: null,
      overall: { required: 7, completed: 4, coverage: 4 / 7 },
    });
    const unit = (id: number) => body.units.find((u) => u.id === id);
    expect(unit(org.divisionA.id)).toMatchObject({
      own: { required: 4, completed: 3 },
      subtree: { required: 4, completed: 3 },
    });
    expect(unit(org.bureau.id)).toMatchObject({
      own: { required: 0, completed: 0, coverage: null },
      subtree: { required: 6, completed: 4 },
    });
    expect(unit(org.ministry.id)).toMatchObject({ subtree: { required: 7, completed: 4 } });
    expect(body.roleGroups).toEqual([
      { group: 'security_officers', counts: { required: 1, completed: 1, coverage: 1 } },
      { group: 'system_officers', counts: { required: 1, completed: 1, coverage: 1 } },
      { group: 'other_staff', counts: { required: 5, completed: 2, coverage: 0.4 } },
    ]);
    expect(body.employmentTypes).toEqual([
      { type: 'regular', counts: { required: 5, completed: 4, coverage: 0.8 } },
      { type: 'part_time', counts: { required: 1, completed: 0, coverage: 0 } },
      { type: 'temporary', counts: { required: 1, completed: 0, coverage: 0 } },
    ]);
    expect(body.methods).toEqual([
      { method: 'group_session', completed: 2 },
      { method: 'e_learning', completed: 1 },
      { method: 'admin_credit', completed: 1 },
    ]);
    // Units with own staff: A 75%, B 50%, the other bureau 0%: none reaches 90%.
    expect(body.attainment.thresholds).toEqual([100, 95, 90]);
    expect(body.attainment.units).toEqual({ counted: 3, reached: [0, 0, 0] });
  });

  it('shows progress by week up to today, cumulative, against the required total', async () => {
    const body = await report({ courseId, orgUnitId: org.ministry.id });
    expect(body.progress.required).toBe(7);
    const weeks = body.progress.weeks;
    expect(weeks[0]).toEqual({ weekStart: '2026-03-30', completions: 0, cumulative: 0 });
    expect(weeks.at(-1)).toEqual({ weekStart: '2026-10-12', completions: 1, cumulative: 4 });
    expect(weeks.find((w) => w.weekStart === '2026-09-07')).toEqual({
      weekStart: '2026-09-07',
      completions: 3,
      cumulative: 3,
    });
  });

  it('lists the people behind each number, and the lists add up to the numbers', async () => {
    type PeopleQuery = Parameters<ReturnType<typeof reports>['people']['$get']>[0]['query'];
    const people = (query: PeopleQuery, orgUnitId = org.ministry.id) =>
      okBody(
        reports(admin).people.$get({
          query: { ...reportQuery({ courseId, orgUnitId }), ...query },
        }),
        200,
      );
    const notDone = await people({ status: 'not_completed' });
    expect(notDone.total).toBe(3);
    expect(notDone.items.map((p) => p.staffId).sort()).toEqual([ids.a3, ids.part, ids.temp].sort());
    const own = await people({ within: 'own', status: 'completed' }, org.divisionA.id);
    expect(own.total).toBe(3);
    expect((await people({ method: 'admin_credit' })).items).toMatchObject([
      { staffId: ids.a2, method: 'admin_credit', completedOn: '2026-10-13' },
    ]);
    expect((await people({ roleGroup: 'system_officers' })).total).toBe(1);
    expect((await people({ employmentType: 'temporary' })).total).toBe(1);
    expect((await people({ completedFrom: '2026-09-07', completedTo: '2026-09-13' })).total).toBe(
      3,
    );
  });

  it('scopes a section head to their unit and a unit officer to their bureau', async () => {
    const head = await signedInAs(t.app, t.db, ids.head ?? 0);
    const mine = await report({ courseId }, head);
    expect(mine.scope).toMatchObject({ orgUnitId: org.divisionA.id });
    expect(mine.overall).toMatchObject({ required: 4, completed: 3 });
    expect(mine.units.map((u) => u.id)).toEqual([org.divisionA.id]);
    const query = reportQuery({ courseId, orgUnitId: org.divisionB.id });
    for (const call of [
      reports(head).annual.$get({ query }),
      reports(head).history.$get({ query }),
      reports(head).people.$get({ query }),
    ]) {
      expect(await failure(call)).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'], { org_unit_id: org.divisionB.id })).id,
    );
    const bureau = await report({ courseId }, officer);
    expect(bureau.scope).toMatchObject({ orgUnitId: org.bureau.id });
    // The bureau without the other bureau's temporary worker, plus the officer (in B) themself.
    expect(bureau.overall).toMatchObject({ required: 7, completed: 4 });
    const staff = await signedInAs(t.app, t.db, ids.a3 ?? 0);
    expect(
      await failure(reports(staff).annual.$get({ query: reportQuery({ courseId }) })),
    ).toMatchObject({
      status: 403,
    });
  });

  it('answers bad requests with the usual error body', async () => {
    const annual = (filter: ReportFilter) =>
      failure(reports(admin).annual.$get({ query: reportQuery(filter) }));
    const notFound = { status: 404, code: 'NOT_FOUND' };
    expect(await annual({ courseId: 999_999_999 })).toEqual(notFound);
    expect(await annual({ courseId, fiscalYear: 2027 })).toEqual(notFound);
    expect(await annual({ courseId, orgUnitId: 999_999_999 })).toEqual(notFound);
    expect(await annual({ fiscalYear: 1999 })).toEqual({ status: 400, code: 'VALIDATION' });
    // What the typed client cannot send goes as on the wire: text for a number, `within` without
    // a unit, a formula for a day, and hostile values.
    const expectError = async (path: string, status: number, code: string) => {
      const res = await admin.request(path);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    };
    await expectError(`/api/reports/annual?courseId=abc`, 400, 'VALIDATION');
    await expectError(`/api/reports/people?courseId=${courseId}&within=own`, 400, 'VALIDATION');
    await expectError(
      `/api/reports/people?courseId=${courseId}&completedFrom=${encodeURIComponent('=cmd')}`,
      400,
      'VALIDATION',
    );
    // Hostile values anywhere a report reads one: NUL, a lone surrogate, 100,000 characters.
    const hostiles = [
      ['1%00', '1\u0000'],
      ['%ED%A0%80', '\ud800'],
      ['9'.repeat(100_000), 'x'.repeat(100_000)],
    ] as const;
    for (const [v, hostile] of hostiles) {
      for (const path of [
        `/api/reports/annual?courseId=${v}`,
        `/api/reports/history?fiscalYear=${v}`,
        `/api/reports/people?orgUnitId=${v}`,
        `/api/reports/people?courseId=${courseId}&roleGroup=${v}`,
        `/api/reports/export/units?courseId=${courseId}&lang=${v}`,
        `/api/reports/summary?lang=${v}`,
      ]) {
        const res = await admin.request(path);
        expect(res.status, path.slice(0, 80)).toBeGreaterThanOrEqual(400);
        expect(res.status, path.slice(0, 80)).toBeLessThan(500);
      }
      const drawn = reports(admin).samples.$post({
        json: { fiscalYear: 2026, courseId, seed: hostile },
      });
      expect(await failure(drawn)).toEqual({ status: 400, code: 'VALIDATION' });
    }
  });

  it('shows zeros with a note for a year with no data', async () => {
    const body = await report({ courseId, fiscalYear: 2015, orgUnitId: org.ministry.id });
    expect(body).toMatchObject({
      closed: true,
      asOf: '2016-03-31',
      basis: 'membership_on_day',
      note: 'no_history',
      overall: { required: 0, completed: 0, coverage: null },
      units: [],
    });
    expect(body.progress.weeks).toHaveLength(53);
    const empty = await makeCourse(t.db, {
      audience: {
        kind: 'rule',
        roles: [],
        unitIds: [org.otherBureau.id],
        employmentTypes: ['part_time'],
      },
    });
    const none = await report({ courseId: empty.id, orgUnitId: org.ministry.id });
    expect(none).toMatchObject({ note: 'nobody_required', overall: { required: 0 } });
  });
  it('draws an audit sample of ⌈√N⌉ completed people with evidence, again from its seed', async () => {
    type SampleRequest = Parameters<ReturnType<typeof reports>['samples']['$post']>[0]['json'];
    const draw = (json: SampleRequest) => reports(admin).samples.$post({ json });
    const sample = await okBody(
      draw({ fiscalYear: 2026, courseId, orgUnitId: org.ministry.id }),
      201,
    );
    expect(sample).toMatchObject({ population: 4, size: 2, scope: { orgUnitId: org.ministry.id } });
    expect(sample.seed).toMatch(/^[0-9a-f]{16}$/);
    const done = [ids.head, ids.a1, ids.a2, ids.pjmo];
    for (const item of sample.items) expect(done).toContain(item.staffId);
    const inDivisionA = {
      fiscalYear: 2026,
      courseId,
      orgUnitId: org.divisionA.id,
      seed: 'a1b2c3d4e5f60718',
    };
    const inA = await okBody(draw(inDivisionA), 201);
    expect(inA).toMatchObject({ population: 3, size: 2 });
    const again = await okBody(draw(inDivisionA), 201);
    expect(again.items.map((i) => i.staffId)).toEqual(inA.items.map((i) => i.staffId));
    expect(again.id).not.toBe(inA.id);
    const byMethod = Object.fromEntries(inA.items.map((i) => [i.evidence.method, i.evidence]));
    if (byMethod.admin_credit) expect(byMethod.admin_credit.creditReason).toBe('他省庁で受講済み');

    const list = await okBody(
      reports(admin).samples.$get({
        query: reportQuery({ fiscalYear: 2026, courseId, orgUnitId: org.divisionA.id }),
      }),
    );
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ seed: 'a1b2c3d4e5f60718', size: 2 });
    // The CSV download as on the wire: its bytes, byte-order mark included.
    const csv = await admin.request(`/api/reports/samples/${inA.id}/csv?lang=ja`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csvText(csv);
    expect(text.startsWith('\uFEFF順番,職員番号')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(3);

    // A section head of division B may not see division A's sample.
    const headB = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: org.divisionB.id })).id,
    );
    const sampleOf = (as: SignedInClient, id: number) =>
      reports(as).samples[':id'].$get({ param: { id: String(id) } });
    expect(await failure(sampleOf(headB, inA.id))).toMatchObject({ status: 403 });
    expect(await failure(sampleOf(admin, 999_999_999))).toMatchObject({ status: 404 });
    // Nobody completed in the other bureau: a clear refusal, nothing saved.
    const none = await failureBody(
      draw({ fiscalYear: 2026, courseId, orgUnitId: org.otherBureau.id }),
    );
    expect(none.status).toBe(409);
    expect(none.error.message).toMatch(/no one to sample/);
    expect(await failure(draw({ fiscalYear: 2026, courseId, seed: 'XYZ' }))).toMatchObject({
      status: 400,
    });
    const rows = await t.db
      .selectFrom('audit_sample')
      .select('id')
      .where('org_unit_id', '=', org.otherBureau.id)
      .execute();
    expect(rows).toEqual([]);
    await expect(
      t.db
        .updateTable('audit_sample')
        .set({ seed: '0000000000000000' })
        .where('id', '=', inA.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
  });

  // Downloads (CSV, HTML, PDF) are read as on the wire, bytes and headers, so by string path.
  it('exports every table as CSV with a BOM, neutralising formulas', async () => {
    const [person] = await insertStaff(t.db, [
      {
        staff_number: unique('F'),
        family_name: '=HYPERLINK("x")',
        given_name: '花子',
        family_name_kana: 'はいぱー',
        given_name_kana: 'はなこ',
        email: `${unique('f').toLowerCase()}@test.kenshu.example`,
        org_unit_id: org.otherBureau.id,
        employment_type: 'regular',
      },
    ]);
    for (const table of REPORT_TABLES) {
      const res = await admin.request(
        `/api/reports/export/${table}?courseId=${courseId}&orgUnitId=${org.ministry.id}&lang=en`,
      );
      expect(res.status, table).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`-${table}.csv`);
      expect((await csvText(res)).startsWith('\uFEFF')).toBe(true);
    }
    const people = await (
      await admin.request(
        `/api/reports/export/people?courseId=${courseId}&orgUnitId=${org.otherBureau.id}&lang=ja`,
      )
    ).text();
    expect(people).toContain(`'=HYPERLINK`);
    expect(people).toContain(person?.staff_number ?? 'missing');
    const groups = await (
      await admin.request(
        `/api/reports/export/role-groups?courseId=${courseId}&orgUnitId=${org.divisionA.id}&lang=ja`,
      )
    ).text();
    expect(groups).toContain('情報セキュリティ責任者等,1,1,100');
    expect(groups).toContain('合計,4,3,75');
    expect((await admin.request(`/api/reports/export/secrets?courseId=${courseId}`)).status).toBe(
      400,
    );
  });

  it('prints a one-page annual summary in Japanese (令和) or English, and as a PDF', async () => {
    const html = await admin.request(
      `/api/reports/summary?courseId=${courseId}&orgUnitId=${org.ministry.id}`,
    );
    expect(html.headers.get('content-type')).toContain('text/html');
    const ja = await html.text();
    expect(ja).toContain('令和8年度');
    const { coverage, completed, required } = (
      await report({ courseId, orgUnitId: org.ministry.id })
    ).overall;
    if (coverage === null) throw new Error('someone is required, so there is a coverage');
    expect(ja).toContain(`${Math.floor(coverage * 1000) / 10}%`);
    expect(ja).toContain(`(${completed} / ${required})`);
    const en = await (
      await admin.request(
        `/api/reports/summary?courseId=${courseId}&orgUnitId=${org.ministry.id}&lang=en`,
      )
    ).text();
    expect(en).toContain('FY2026');
    expect(en).toContain('Other staff');
    const pdf = await admin.request(
      `/api/reports/summary?courseId=${courseId}&orgUnitId=${org.ministry.id}&format=pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    // One page.
    expect(new TextDecoder('latin1').decode(bytes).match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('lets admins set the attainment thresholds, and the report uses them', async () => {
    const put = (client: SignedInClient, thresholds: number[]) =>
      reports(client).settings.$put({ json: { thresholds } });
    expect(await failure(put(admin, [90, 95]))).toMatchObject({ status: 400 });
    expect(await failure(put(admin, []))).toMatchObject({ status: 400 });
    expect(await failure(put(admin, [101]))).toMatchObject({ status: 400 });
    const head = await signedInAs(t.app, t.db, ids.head ?? 0);
    expect(await failure(put(head, [75]))).toMatchObject({ status: 403 });
    await okBody(put(admin, [75, 50]), 200);
    const body = await report({ courseId, orgUnitId: org.bureau.id });
    // A: 3 of 4 (75%), B: 1 of 3 with the officer (33%).
    expect(body.attainment).toMatchObject({
      thresholds: [75, 50],
      units: { counted: 2, reached: [1, 1] },
    });
    await okBody(put(admin, [100, 95, 90]), 200);
  });
});

describe('closed years', () => {
  it('count people where their membership put them on 31 March, whatever the staff file says later', async () => {
    t.clock.set(TODAY);
    const org = await organisation();
    const course = await makeCourse(t.db);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    // Three people with history: one moved from A to B in June 2025, one joined in May 2025,
    // one left in January 2026 (not there on 31 March).
    const people = await insertStaff(
      t.db,
      ['mover', 'joiner', 'leaver'].map((n) => ({
        staff_number: unique(n.slice(0, 1).toUpperCase()),
        family_name: '履歴',
        given_name: n,
        family_name_kana: 'りれき',
        given_name_kana: n,
        email: `${unique('h').toLowerCase()}@test.kenshu.example`,
        org_unit_id: org.divisionB.id,
        employment_type: 'regular' as const,
        active: n !== 'leaver',
      })),
      { memberSince: null },
    );
    const [mover, joiner, leaver] = people.map((p) => p.id);
    const membership = (
      staffId: number | undefined,
      unit: OrgUnit,
      from: string,
      to: string | null,
    ) => ({
      staff_id: staffId ?? 0,
      org_unit_id: unit.id,
      employment_type: 'regular' as const,
      is_section_head: false,
      is_unit_security_officer: false,
      is_system_security_officer: false,
      is_pjmo_member: false,
      valid_from: from,
      valid_to: to,
    });
    await t.db
      .insertInto('staff_membership')
      .values([
        membership(mover, org.divisionA, '2024-04-01', '2025-06-01'),
        membership(mover, org.divisionB, '2025-06-01', null),
        membership(joiner, org.divisionB, '2025-05-01', null),
        membership(leaver, org.divisionA, '2024-04-01', '2026-01-10'),
      ])
      .execute();
    await complete(mover ?? 0, course.id, 'attended', '2025-09-10T15:00:00+09:00', 2025);
    await complete(leaver ?? 0, course.id, 'attended', '2025-09-10T15:00:00+09:00', 2025);
    await complete(mover ?? 0, course.id, 'e_learning', '2024-11-10T15:00:00+09:00', 2024);
    const fy2025 = async () =>
      okBody(
        reports(admin).annual.$get({
          query: reportQuery({ courseId: course.id, fiscalYear: 2025, orgUnitId: org.ministry.id }),
        }),
      );
    const before = await fy2025();
    expect(before).toMatchObject({ closed: true, asOf: '2026-03-31', basis: 'membership_on_day' });
    expect(before.overall).toMatchObject({ required: 2, completed: 1 });
    const unitB = before.units.find((u) => u.id === org.divisionB.id);
    expect(unitB?.own).toMatchObject({ required: 2, completed: 1 });

    // A staff import in the current year moves the mover to A: FY2025 stays as it was.
    await t.db
      .updateTable('staff_membership')
      .set({ valid_to: '2026-07-01' })
      .where('staff_id', '=', mover ?? 0)
      .where('valid_to', 'is', null)
      .execute();
    await t.db
      .insertInto('staff_membership')
      .values(membership(mover, org.divisionA, '2026-07-01', null))
      .execute();
    await t.db
      .updateTable('staff')
      .set({ org_unit_id: org.divisionA.id })
      .where('id', '=', mover ?? 0)
      .execute();
    expect(await fy2025()).toEqual(before);

    const history = await okBody(
      reports(admin).history.$get({
        query: reportQuery({ courseId: course.id, orgUnitId: org.ministry.id }),
      }),
    );
    expect(history.years.map((y) => y.fiscalYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(history.years[2]).toMatchObject({
      fiscalYear: 2024,
      asOf: '2025-03-31',
      overall: { required: 2, completed: 1 },
    });
    expect(history.years[3]?.overall).toEqual(before.overall);
    expect(history.years[4]).toMatchObject({
      closed: false,
      basis: 'current_staff',
      overall: { required: 2, completed: 0 },
    });
    // Someone who oversees only division A sees last year's people who were in A then.
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: org.divisionA.id })).id,
    );
    const theirs = await okBody(
      reports(head).history.$get({ query: reportQuery({ courseId: course.id }) }),
    );
    expect(theirs.years[2]?.overall).toMatchObject({ required: 2, completed: 1 });
    expect(theirs.years[3]?.overall).toMatchObject({ required: 0 });
  });
});
