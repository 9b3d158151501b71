import { makeCourse, unique } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { type SignedInClient } from '../support/auth.ts';
import {
  importingAdmin,
  staffImportCsv,
  type StaffLine,
  type UnitLine,
  staffImportsOf,
} from '../support/staff-import.ts';
import { okBody, okStatus, typedApi } from '../support/typed-api.ts';

/**
 * A fiscal year lived through the staff import service (people joining, transferring and
 * leaving mid-year, as HR's files say), then closed: its figures are frozen as they stood on
 * 31 March, whatever later imports do, and the report, its people lists and its CSV downloads
 * tell the same story.
 */
const t = useTestApp();
let admin: SignedInClient;
let adminLine: StaffLine;

beforeAll(async () => {
  t.clock.set('2025-04-01T09:00:00+09:00');
  ({ client: admin, line: adminLine } = await importingAdmin(t.app, t.db));
});

/** A full staff import (whoever is missing leaves), previewed then applied, effective today. */
async function importStaff(units: UnitLine[], staff: StaffLine[]) {
  const body = staffImportCsv(units, [adminLine, ...staff]);
  const imports = staffImportsOf(t.app, admin);
  const { checksum } = await okBody(imports.preview(body, { mode: 'full' }), 200);
  return okBody(imports.apply(body, { mode: 'full', checksum }), 200);
}

async function staffId(number: string): Promise<number> {
  const row = await t.db
    .selectFrom('staff')
    .select('id')
    .where('staff_number', '=', number)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function credit(number: string, courseId: number, fiscalYear: number) {
  const credited = typedApi(t.app, admin).completions.credit.$post({
    json: { staffId: await staffId(number), courseId, fiscalYear, reason: '他省庁で受講済み' },
  });
  await okStatus(credited, 201);
}

/** What every report reads: course, year and unit, as they go in the query string. */
interface ReportScope {
  courseId: string;
  fiscalYear: string;
  orgUnitId: string;
}

function reports() {
  return typedApi(t.app, admin).reports;
}

async function annual(scope: ReportScope) {
  return okBody(reports().annual.$get({ query: scope }), 200);
}

async function history(scope: ReportScope) {
  return (await okBody(reports().history.$get({ query: scope }), 200)).years;
}

/** A report CSV split into rows of cells (the report's cells hold no commas or quotes). */
async function csv(
  table: 'units' | 'role-groups' | 'people',
  scope: ReportScope,
): Promise<string[][]> {
  const res = await reports().export[':table'].$get({
    param: { table },
    query: { ...scope, lang: 'en' },
  });
  expect(res.status, table).toBe(200);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('a fiscal year closed after real staff imports', () => {
  it('keeps the figures of 31 March, in the report, its people and its CSV, whatever HR sends later', async () => {
    const course = await makeCourse(t.db, { audience: { kind: 'all_staff' } });
    const [bureau, d1, d2] = [unique('B'), unique('D'), unique('D')];
    const units: UnitLine[] = [
      { code: bureau, kind: 'bureau' },
      { code: d1, parent: bureau },
      { code: d2, parent: bureau },
    ];
    const n = Object.fromEntries(
      ['head', 'a', 'mover', 'b', 'leaver', 'parttime', 'joiner', 'later'].map((k) => [
        k,
        unique('S'),
      ]),
    ) as Record<'head' | 'a' | 'mover' | 'b' | 'leaver' | 'parttime' | 'joiner' | 'later', string>;

    // 1 April 2025: the year's first staff file.
    await importStaff(units, [
      { number: n.head, unit: d1, head: true },
      { number: n.a, unit: d1 },
      { number: n.mover, unit: d1 },
      { number: n.b, unit: d2 },
      { number: n.leaver, unit: d2 },
      { number: n.parttime, unit: d1, type: 'part_time' },
    ]);
    t.clock.set('2025-06-10T10:00:00+09:00');
    for (const who of [n.head, n.a, n.mover, n.b, n.leaver]) await credit(who, course.id, 2025);

    // 1 October 2025: the mover goes to D2, the leaver leaves, someone joins D1.
    t.clock.set('2025-10-01T09:00:00+09:00');
    const october = await importStaff(units, [
      { number: n.head, unit: d1, head: true },
      { number: n.a, unit: d1 },
      { number: n.mover, unit: d2 },
      { number: n.b, unit: d2 },
      { number: n.parttime, unit: d1, type: 'part_time' },
      { number: n.joiner, unit: d1 },
    ]);
    expect(october.counts.staff).toMatchObject({ new: 1, deactivated: 1 });
    t.clock.set('2025-11-04T10:00:00+09:00');
    await credit(n.joiner, course.id, 2025);

    const unitId = async (code: string) => {
      const u = await t.db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return u.id;
    };
    const [bureauId, d1Id, d2Id] = [await unitId(bureau), await unitId(d1), await unitId(d2)];
    const year = { courseId: String(course.id), fiscalYear: '2025' };
    const query = { ...year, orgUnitId: String(bureauId) };

    // 15 April 2026: FY2025 is closed and counted as it stood on 31 March.
    t.clock.set('2026-04-15T10:00:00+09:00');
    const closed = await annual(query);
    expect(closed).toMatchObject({
      fiscalYear: 2025,
      closed: true,
      asOf: '2026-03-31',
      basis: 'membership_on_day',
      note: null,
      overall: { required: 6, completed: 5 },
    });
    const unit = (r: { units: { id: number }[] }, id: number) => r.units.find((u) => u.id === id);
    // The leaver is not counted, though they completed; the mover counts in D2, where they were.
    expect(unit(closed, d1Id)).toMatchObject({
      own: { required: 4, completed: 3 },
      subtree: { required: 4, completed: 3 },
    });
    expect(unit(closed, d2Id)).toMatchObject({ own: { required: 2, completed: 2 } });
    expect(unit(closed, bureauId)).toMatchObject({ subtree: { required: 6, completed: 5 } });
    const group = (r: { roleGroups: { group: string; counts: unknown }[] }, g: string) =>
      r.roleGroups.find((x) => x.group === g)?.counts;
    expect(group(closed, 'security_officers')).toMatchObject({ required: 1, completed: 1 });
    expect(group(closed, 'other_staff')).toMatchObject({ required: 5, completed: 4 });
    expect(closed.employmentTypes).toContainEqual({
      type: 'part_time',
      counts: { required: 1, completed: 0, coverage: 0 },
    });

    const people = async (filter: { orgUnitId: number; status?: 'not_completed' }) => {
      const query = { ...year, ...filter, orgUnitId: String(filter.orgUnitId), limit: '100' };
      const list = await okBody(reports().people.$get({ query }), 200);
      return list.items.map((p) => p.staffNumber).sort();
    };
    const d2People = await people({ orgUnitId: d2Id });
    expect(d2People).toEqual([n.b, n.mover].sort());
    const notDone = await people({ orgUnitId: bureauId, status: 'not_completed' });
    expect(notDone).toEqual([n.parttime]);

    const before = {
      report: closed,
      history: await history(query),
      units: await csv('units', query),
      groups: await csv('role-groups', query),
      people: await csv('people', query),
      d2People,
    };
    // The CSVs are the screen's figures: the same counts for every unit and group.
    const csvUnit = (code: string) => before.units.find((row) => row[0] === code);
    expect(csvUnit(d1)?.slice(4, 6)).toEqual(['4', '3']);
    expect(csvUnit(d2)?.slice(4, 6)).toEqual(['2', '2']);
    expect(csvUnit(bureau)?.slice(4, 7)).toEqual(['6', '5', String(83.3)]);
    expect(before.groups.at(-1)).toEqual(['Total', '6', '5', '83.3']);
    expect(
      before.people
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([n.head, n.a, n.mover, n.b, n.parttime, n.joiner].sort());
    const fy2025 = before.history.find((y) => y.fiscalYear === 2025);
    expect(fy2025).toMatchObject({ closed: true, overall: closed.overall });

    // 1 May 2026: HR moves the head to D2, A leaves, the part-timer becomes regular, one joins.
    t.clock.set('2026-05-01T09:00:00+09:00');
    await importStaff(units, [
      { number: n.head, unit: d2, head: true },
      { number: n.mover, unit: d2 },
      { number: n.b, unit: d2 },
      { number: n.parttime, unit: d1 },
      { number: n.joiner, unit: d1 },
      { number: n.later, unit: d1 },
    ]);
    await credit(n.later, course.id, 2026);

    // The year under way follows the new staff file ...
    const current = await annual({ ...query, fiscalYear: '2026' });
    expect(current).toMatchObject({ closed: false, overall: { required: 6, completed: 1 } });
    expect(unit(current, d2Id)).toMatchObject({ own: { required: 3 } });
    // ... and the closed year does not move, on any screen or download.
    expect(await annual(query)).toEqual(before.report);
    const years = await history(query);
    expect(years.find((y) => y.fiscalYear === 2025)).toEqual(fy2025);
    expect(await csv('units', query)).toEqual(before.units);
    expect(await csv('role-groups', query)).toEqual(before.groups);
    expect(await csv('people', query)).toEqual(before.people);
    expect(await people({ orgUnitId: d2Id })).toEqual(before.d2People);
  });
});
