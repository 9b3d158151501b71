/**
 * The report's figures against an independent count. fast-check generates an organisation (a
 * ministry with bureaus and divisions), people with effective-dated histories (transfers, role
 * and employment changes, joiners and leavers, dates on fiscal-year edges), and completions over
 * five fiscal years (some withdrawn, some twice, some by people no longer required). The test
 * counts the expected figures from that data alone, in plain TypeScript, and compares them with
 * what the API answers for every year, the five-year table and the people lists.
 */
import { insertStaff, type OrgUnit } from '@kenshu/db';
import { makeCourse, makeOrgUnit, unique } from '@kenshu/db/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

// 15 October 2026 in Tokyo: FY2026 is under way; FY2022–FY2025 are closed.
const NOW = '2026-10-15T12:00:00+09:00';
const NOW_MS = Date.parse(NOW);
const CURRENT_FY = 2026;
const YEARS = [2022, 2023, 2024, 2025, 2026];
const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2021-04-01T00:00:00Z');
const LAST_DAY = Math.round((Date.parse('2026-10-15T00:00:00Z') - EPOCH) / DAY_MS);

type EmploymentType = 'regular' | 'part_time' | 'temporary';
type HrRole = 'section_head' | 'unit_security_officer' | 'system_security_officer' | 'pjmo_member';
type Kind = 'attended' | 'e_learning' | 'credited';
const HR_ROLES: HrRole[] = [
  'section_head',
  'unit_security_officer',
  'system_security_officer',
  'pjmo_member',
];
const TYPES: EmploymentType[] = ['regular', 'part_time', 'temporary'];
const METHOD: Record<Kind, string> = {
  attended: 'group_session',
  e_learning: 'e_learning',
  credited: 'admin_credit',
};

function dayString(day: number): string {
  return new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
}
function dayNumber(s: string): number {
  return Math.round((Date.parse(`${s}T00:00:00Z`) - EPOCH) / DAY_MS);
}

/** Days on the edges of fiscal years, where off-by-one mistakes live. */
const EDGES = [2021, 2022, 2023, 2024, 2025, 2026]
  .flatMap((y) => [dayNumber(`${y}-03-31`), dayNumber(`${y}-04-01`), dayNumber(`${y}-04-02`)])
  .filter((d) => d >= 0 && d <= LAST_DAY);
const dayArb = fc.oneof(fc.integer({ min: 0, max: LAST_DAY }), fc.constantFrom(...EDGES));

interface Facts {
  unit: number;
  roles: HrRole[];
  type: EmploymentType;
}
const factsArb = (units: number) =>
  fc.record({
    unit: fc.nat({ max: units - 1 }),
    roles: fc.subarray(HR_ROLES, { maxLength: 2 }).chain((r) =>
      // Most people hold no role.
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as HrRole[]) },
        { weight: 1, arbitrary: fc.constant(r) },
      ),
    ),
    type: fc.constantFrom(...TYPES),
  });

interface Completion {
  fy: number;
  kind: Kind;
  /** Position within the fiscal year (so far, for the current one), 0 to 1. */
  at: number;
  withdrawn: boolean;
}
const completionArb = fc.record({
  fy: fc.constantFrom(...YEARS),
  kind: fc.constantFrom<Kind>('attended', 'e_learning', 'credited'),
  at: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
  withdrawn: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});

interface Person {
  /** Consecutive memberships: segment i runs from days[i] to days[i + 1] (exclusive). */
  segments: Facts[];
  days: number[];
  leaves: boolean;
  completions: Completion[];
}
const personArb = (units: number) =>
  fc
    .record({
      segments: fc.array(factsArb(units), { minLength: 1, maxLength: 3 }),
      days: fc.uniqueArray(dayArb, { minLength: 4, maxLength: 4 }),
      leaves: fc.boolean(),
      completions: fc.array(completionArb, { maxLength: 4 }),
    })
    .map((p) => ({ ...p, days: [...p.days].sort((a, b) => a - b) }));

type AudienceSpec =
  | { kind: 'all_staff' }
  | { kind: 'section_heads' }
  | { kind: 'pjmo_members' }
  | { kind: 'rule'; roles: HrRole[]; units: number[]; employmentTypes: EmploymentType[] };

const worldArb = fc
  .record({
    // Children per bureau; the ministry is unit 0, then each bureau followed by its divisions.
    bureaus: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ bureaus }) => {
    const parents: (number | null)[] = [null];
    for (const divisions of bureaus) {
      const bureau = parents.length;
      parents.push(0);
      for (let i = 0; i < divisions; i++) parents.push(bureau);
    }
    const n = parents.length;
    const audience: fc.Arbitrary<AudienceSpec> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'all_staff' as const }) },
      fc.constant({ kind: 'section_heads' as const }),
      fc.constant({ kind: 'pjmo_members' as const }),
      fc.record({
        kind: fc.constant('rule' as const),
        roles: fc.subarray(HR_ROLES, { maxLength: 2 }),
        units: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 2 }),
        employmentTypes: fc.subarray(TYPES, { maxLength: 2 }),
      }),
    );
    return fc.record({
      parents: fc.constant(parents),
      audience,
      people: fc.array(personArb(n), { minLength: 0, maxLength: 25 }),
    });
  });
type World = { parents: (number | null)[]; audience: AudienceSpec; people: Person[] };

// ---------------------------------------------------------------- the independent count

function ancestors(parents: (number | null)[], unit: number): number[] {
  const out = [unit];
  for (let p = parents[unit] ?? null; p !== null; p = parents[p] ?? null) out.push(p);
  return out;
}

function required(w: World, f: Facts): boolean {
  const a = w.audience;
  switch (a.kind) {
    case 'all_staff':
      return true;
    case 'section_heads':
      return f.roles.includes('section_head');
    case 'pjmo_members':
      return f.roles.includes('pjmo_member');
    case 'rule':
      return (
        (a.roles.length === 0 || a.roles.some((r) => f.roles.includes(r))) &&
        (a.units.length === 0 || a.units.some((u) => ancestors(w.parents, f.unit).includes(u))) &&
        (a.employmentTypes.length === 0 || a.employmentTypes.includes(f.type))
      );
  }
}

function group(f: Facts): string {
  if (f.roles.includes('section_head') || f.roles.includes('unit_security_officer')) {
    return 'security_officers';
  }
  if (f.roles.includes('system_security_officer') || f.roles.includes('pjmo_member')) {
    return 'system_officers';
  }
  return 'other_staff';
}

function segmentCount(p: Person): number {
  // The last segment ends on the leaving day when the person leaves, else it is open.
  return Math.min(p.segments.length, p.leaves ? p.days.length - 1 : p.days.length);
}

/** Who a person was on a fiscal year's counting day (31 March, or now for the current year). */
function factsIn(p: Person, fy: number): Facts | null {
  const n = segmentCount(p);
  if (fy === CURRENT_FY) {
    // The current year counts people as they are now: active, with their latest facts.
    return p.leaves ? null : (p.segments[n - 1] ?? null);
  }
  const day = dayNumber(`${fy + 1}-03-31`);
  for (let i = 0; i < n; i++) {
    const from = p.days[i] ?? 0;
    const to = i === n - 1 && !p.leaves ? Infinity : (p.days[i + 1] ?? Infinity);
    if (from <= day && day < to) return p.segments[i] ?? null;
  }
  return null;
}

function fyStart(fy: number): number {
  return Date.parse(`${fy}-04-01T00:00:00+09:00`);
}
function recordedAt(c: Completion): number {
  const start = fyStart(c.fy);
  const end = Math.min(fyStart(c.fy + 1), NOW_MS) - 1;
  return start + Math.floor(c.at * (end - start));
}

/** The completion that counts for a year: the earliest not withdrawn (then the first recorded). */
function counting(p: Person, fy: number): Completion | null {
  const candidates = p.completions
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.fy === fy && !c.withdrawn)
    .sort((a, b) => recordedAt(a.c) - recordedAt(b.c) || a.i - b.i);
  return candidates[0]?.c ?? null;
}

interface Tally {
  required: number;
  completed: number;
}
const zero = (): Tally => ({ required: 0, completed: 0 });
const cov = (c: Tally) => ({ ...c, coverage: c.required ? c.completed / c.required : null });

function expected(w: World, fy: number) {
  const own = w.parents.map(zero);
  const subtree = w.parents.map(zero);
  const groups: Record<string, Tally> = {
    security_officers: zero(),
    system_officers: zero(),
    other_staff: zero(),
  };
  const types: Record<string, Tally> = { regular: zero(), part_time: zero(), temporary: zero() };
  const methods: Record<string, number> = { group_session: 0, e_learning: 0, admin_credit: 0 };
  const overall = zero();
  const people: { index: number; unit: number; done: boolean }[] = [];
  w.people.forEach((p, index) => {
    const f = factsIn(p, fy);
    if (!f || !required(w, f)) return;
    const c = counting(p, fy);
    const done = c !== null ? 1 : 0;
    people.push({ index, unit: f.unit, done: c !== null });
    for (const t of [overall, own[f.unit], groups[group(f)], types[f.type]]) {
      if (!t) continue;
      t.required++;
      t.completed += done;
    }
    for (const u of ancestors(w.parents, f.unit)) {
      const t = subtree[u];
      if (t) {
        t.required++;
        t.completed += done;
      }
    }
    if (c) methods[METHOD[c.kind]] = (methods[METHOD[c.kind]] ?? 0) + 1;
  });
  const counted = own.filter((o) => o.required > 0);
  const attainment = {
    thresholds: [100, 95, 90],
    units: {
      counted: counted.length,
      reached: [100, 95, 90].map(
        (th) => counted.filter((o) => o.completed * 100 >= th * o.required).length,
      ),
    },
  };
  return { own, subtree, groups, types, methods, overall, people, attainment };
}

// ---------------------------------------------------------------- writing the world

interface Written {
  units: OrgUnit[];
  staffIds: number[];
  courseId: number;
}

async function write(w: World): Promise<Written> {
  const units: OrgUnit[] = [];
  for (const parent of w.parents) {
    units.push(
      await makeOrgUnit(t.db, {
        parent_id: parent === null ? null : (units[parent]?.id ?? null),
        kind: parent === null ? 'ministry' : parent === 0 ? 'bureau' : 'division',
      }),
    );
  }
  const unitId = (i: number) => units[i]?.id ?? 0;
  const a = w.audience;
  const course = await makeCourse(t.db, {
    audience:
      a.kind === 'rule'
        ? {
            kind: 'rule',
            roles: a.roles,
            unitIds: a.units.map(unitId),
            employmentTypes: a.employmentTypes,
          }
        : a,
  });
  const flags = (f: Facts) => ({
    is_section_head: f.roles.includes('section_head'),
    is_unit_security_officer: f.roles.includes('unit_security_officer'),
    is_system_security_officer: f.roles.includes('system_security_officer'),
    is_pjmo_member: f.roles.includes('pjmo_member'),
  });
  const staff = w.people.length
    ? await insertStaff(
        t.db,
        w.people.map((p) => {
          const latest = p.segments[segmentCount(p) - 1] ?? p.segments[0];
          if (!latest) throw new Error('a person has at least one membership');
          const number = unique('X');
          return {
            staff_number: number,
            family_name: '生成',
            given_name: number,
            family_name_kana: 'せいせい',
            given_name_kana: number.toLowerCase(),
            email: `${number.toLowerCase()}@test.kenshu.example`,
            org_unit_id: unitId(latest.unit),
            employment_type: latest.type,
            ...flags(latest),
            active: !p.leaves,
          };
        }),
        { memberSince: null },
      )
    : [];
  const staffIds = staff.map((s) => s.id);
  const memberships = w.people.flatMap((p, i) => {
    const n = segmentCount(p);
    return p.segments.slice(0, n).map((f, j) => ({
      staff_id: staffIds[i] ?? 0,
      org_unit_id: unitId(f.unit),
      employment_type: f.type,
      ...flags(f),
      valid_from: dayString(p.days[j] ?? 0),
      valid_to: j === n - 1 && !p.leaves ? null : dayString(p.days[j + 1] ?? 0),
    }));
  });
  if (memberships.length) await t.db.insertInto('staff_membership').values(memberships).execute();
  // Completions one by one, in the generated order, so ids follow it (ties break by id).
  for (const [i, p] of w.people.entries()) {
    for (const c of p.completions) {
      const row = await t.db
        .insertInto('completion')
        .values({
          staff_id: staffIds[i] ?? 0,
          course_id: course.id,
          fiscal_year: c.fy,
          kind: c.kind,
          reason: c.kind === 'credited' ? '他で受講' : null,
          recorded_by: null,
          recorded_at: new Date(recordedAt(c)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (c.withdrawn) {
        await t.db
          .insertInto('completion')
          .values({
            staff_id: staffIds[i] ?? 0,
            course_id: course.id,
            fiscal_year: c.fy,
            kind: 'withdrawn',
            withdraws_completion_id: row.id,
            reason: '誤り',
            recorded_by: null,
          })
          .execute();
      }
    }
  }
  return { units, staffIds, courseId: course.id };
}

// ---------------------------------------------------------------- the comparison

describe('report figures', () => {
  let reports: ReturnType<typeof typedApi>['reports'];
  beforeAll(async () => {
    t.clock.set(NOW);
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    reports = typedApi(t.app, admin).reports;
  });

  it('equal a count made from the generated organisation, for every year, unit, group and list', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.nat(), async (w, pick) => {
        const { units, staffIds, courseId } = await write(w);
        const ministry = units[0]?.id ?? 0;
        const q = { courseId: String(courseId), orgUnitId: String(ministry) };
        const history = await okBody(
          reports.history.$get({ query: { ...q, fiscalYear: String(CURRENT_FY) } }),
          200,
        );
        expect(history.years.map((y) => y.fiscalYear)).toEqual(YEARS);

        for (const fy of YEARS) {
          const want = expected(w, fy);
          const got = await okBody(
            reports.annual.$get({ query: { ...q, fiscalYear: String(fy) } }),
            200,
          );
          expect(got.closed).toBe(fy < CURRENT_FY);
          expect(got.overall).toEqual(cov(want.overall));
          expect(got.courses.find((c) => c.id === courseId)?.counts).toEqual(cov(want.overall));
          const gotUnits = new Map(
            got.units.map((u) => [u.id, { own: u.own, subtree: u.subtree }]),
          );
          const wantUnits = new Map(
            units
              .map(
                (u, i) =>
                  [
                    u.id,
                    { own: cov(want.own[i] ?? zero()), subtree: cov(want.subtree[i] ?? zero()) },
                  ] as const,
              )
              .filter(([, v]) => v.subtree.required > 0),
          );
          expect(gotUnits).toEqual(wantUnits);
          expect(Object.fromEntries(got.roleGroups.map((g) => [g.group, g.counts]))).toEqual(
            Object.fromEntries(Object.entries(want.groups).map(([k, v]) => [k, cov(v)])),
          );
          expect(Object.fromEntries(got.employmentTypes.map((g) => [g.type, g.counts]))).toEqual(
            Object.fromEntries(Object.entries(want.types).map(([k, v]) => [k, cov(v)])),
          );
          expect(Object.fromEntries(got.methods.map((m) => [m.method, m.completed]))).toEqual(
            want.methods,
          );
          expect({ thresholds: got.attainment.thresholds, units: got.attainment.units }).toEqual(
            want.attainment,
          );
          expect(got.progress.required).toBe(want.overall.required);
          expect(got.progress.weeks.at(-1)?.cumulative).toBe(want.overall.completed);

          // The five-year table says the same as each year's report.
          const row = history.years.find((y) => y.fiscalYear === fy);
          if (!row) throw new Error(`the five-year table has no ${fy}`);
          expect(row.overall).toEqual(cov(want.overall));
          expect(Object.fromEntries(row.roleGroups.map((g) => [g.group, g.counts]))).toEqual(
            Object.fromEntries(Object.entries(want.groups).map(([k, v]) => [k, cov(v)])),
          );

          // The people behind a unit's figures are exactly the people counted there.
          const u = pick % units.length;
          const unit = units[u];
          if (!unit) continue;
          const inSubtree = want.people.filter((p) => ancestors(w.parents, p.unit).includes(u));
          const ofUnit = {
            courseId: String(courseId),
            orgUnitId: String(unit.id),
            fiscalYear: String(fy),
          };
          const listed = await okBody(
            reports.people.$get({ query: { ...ofUnit, status: 'not_completed', limit: '200' } }),
            200,
          );
          expect(listed.total).toBe(inSubtree.filter((p) => !p.done).length);
          const byId = (a: number, b: number) => a - b;
          expect(listed.items.map((p) => p.staffId).sort(byId)).toEqual(
            inSubtree
              .filter((p) => !p.done)
              .map((p) => staffIds[p.index] ?? 0)
              .sort(byId),
          );
          const own = await okBody(
            reports.people.$get({
              query: { ...ofUnit, within: 'own', status: 'completed', limit: '1' },
            }),
            200,
          );
          expect(own.total).toBe(want.own[u]?.completed ?? 0);
        }
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
