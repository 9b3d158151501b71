import { audienceMemberOf } from '@kenshu/api/audience';
import {
  courseStatusOfPeople,
  inAudienceSql,
  insertOrgUnits,
  insertStaff,
  resolveAudience,
  roleGroupSql,
  type CourseAudience,
  type OrgUnit,
} from '@kenshu/db';
import { unique } from '@kenshu/db/testing';
import {
  EMPLOYMENT_TYPES,
  HR_ROLE_FLAGS,
  hrRolesOf,
  isInAudience,
  ROLES,
  roleGroupOf,
  type EmploymentType,
  type HrFlags,
  type Role,
} from '@kenshu/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';

// "Required" is defined once (@kenshu/domain's audienceRule) and evaluated twice: in TypeScript
// for one person (booking, recording a completion) and in SQL for whole populations
// (assignment, the team page, the reports). These properties hold the two to each other on
// generated organisations, people, role grants, membership history and course audiences.

const database = useTestDatabase();
const db = () => database.current.db;

const AS_OF = '2025-03-31';

const flags = fc.record<HrFlags>({
  is_section_head: fc.boolean(),
  is_unit_security_officer: fc.boolean(),
  is_system_security_officer: fc.boolean(),
  is_pjmo_member: fc.boolean(),
});
const facts = fc.record({
  unit: fc.nat(),
  employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
  flags,
});
const person = fc.record({
  now: facts,
  active: fc.boolean(),
  grants: fc.uniqueArray(fc.record({ role: fc.constantFrom(...ROLES), beforeAsOf: fc.boolean() }), {
    selector: (g) => g.role,
    maxLength: 3,
  }),
  // Where they were on AS_OF, or nowhere (joined later, or left before).
  onAsOf: fc.option(
    fc.record({ facts, dates: fc.constantFrom('open', 'closed-after', 'starts-on') }),
  ),
});
const audience = fc.oneof(
  fc.constantFrom(
    { kind: 'all_staff' as const },
    { kind: 'section_heads' as const },
    { kind: 'pjmo_members' as const },
  ),
  fc.record({
    kind: fc.constant('rule' as const),
    roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 3 }),
    // Indexes into the generated units; -1 is a unit that no longer exists.
    unitIdx: fc.uniqueArray(fc.integer({ min: -1, max: 12 }), { maxLength: 2 }),
    employmentTypes: fc.uniqueArray(fc.constantFrom(...EMPLOYMENT_TYPES), { maxLength: 2 }),
  }),
);
const organisation = fc.record({
  // Each unit's parent is an earlier unit (index into the ones before it).
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  people: fc.array(person, { minLength: 1, maxLength: 14 }),
  audiences: fc.array(audience, { minLength: 1, maxLength: 4 }),
});

type Generated = typeof organisation extends fc.Arbitrary<infer T> ? T : never;

async function build(org: Generated) {
  const [root] = await insertOrgUnits(db(), [
    { code: unique('R'), parent_id: null, kind: 'ministry', name_ja: '省', name_en: 'Ministry' },
  ]);
  if (!root) throw new Error('no root');
  const units: OrgUnit[] = [root];
  for (const parent of org.parents) {
    const parentUnit = units[parent % units.length] ?? root;
    const [unit] = await insertOrgUnits(db(), [
      {
        code: unique('U'),
        parent_id: parentUnit.id,
        kind: 'division',
        name_ja: '課',
        name_en: 'Division',
      },
    ]);
    if (unit) units.push(unit);
  }
  const unitAt = (i: number) => units[i % units.length] ?? root;
  const staff = await insertStaff(
    db(),
    org.people.map((p) => ({
      staff_number: unique('P'),
      family_name: '試験',
      given_name: '花子',
      family_name_kana: 'しけん',
      given_name_kana: 'はなこ',
      email: `${unique('e').toLowerCase()}@test.kenshu.example`,
      org_unit_id: unitAt(p.now.unit).id,
      employment_type: p.now.employmentType,
      active: p.active,
      ...p.now.flags,
    })),
    { memberSince: null },
  );
  const grants = org.people.flatMap((p, i) =>
    p.grants.map((g) => ({
      staff_id: staff[i]?.id ?? 0,
      role: g.role,
      granted_by: null,
      // Granted late on the day itself (Tokyo) still counts; the next morning does not.
      granted_at: g.beforeAsOf ? '2025-03-31T23:30:00+09:00' : '2025-04-01T00:30:00+09:00',
    })),
  );
  if (grants.length) await db().insertInto('role_grant').values(grants).execute();
  const memberships = org.people.flatMap((p, i) => {
    if (!p.onAsOf) return [];
    const { facts: f, dates } = p.onAsOf;
    return [
      {
        staff_id: staff[i]?.id ?? 0,
        org_unit_id: unitAt(f.unit).id,
        employment_type: f.employmentType,
        ...f.flags,
        valid_from: dates === 'starts-on' ? AS_OF : '2024-10-01',
        valid_to: dates === 'closed-after' ? '2025-04-01' : null,
      },
    ];
  });
  if (memberships.length) await db().insertInto('staff_membership').values(memberships).execute();
  const audiences = org.audiences.map((a): CourseAudience =>
    a.kind === 'rule'
      ? {
          kind: 'rule',
          roles: a.roles,
          unitIds: a.unitIdx.map((i) => (i < 0 ? 2_000_000_000 : unitAt(i).id)),
          employmentTypes: a.employmentTypes,
        }
      : a,
  );
  return { root, units, unitAt, staff, audiences };
}

const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('one definition of who a course requires', () => {
  it('TypeScript and the database agree on everyone required now, and on report groups', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (org) => {
        const { root, staff, audiences } = await build(org);
        const staffIds = staff.map((s) => s.id);
        // What booking looks at: one person's facts, loaded the way the booking service loads them.
        const members = await Promise.all(staff.map((s) => audienceMemberOf(db(), s.id)));
        const groups = await db()
          .selectFrom('staff as s')
          .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
          .select(['s.id', roleGroupSql({ facts: 's', staffId: 's.id', unit: 'u' }).as('group')])
          .where('s.id', 'in', staffIds)
          .execute();
        for (const g of groups) {
          const member = members[staffIds.indexOf(g.id)];
          expect(g.group).toBe(roleGroupOf(member?.roles ?? new Set()));
        }
        for (const stored of audiences) {
          const resolved = await resolveAudience(db(), stored);
          const inSql = await db()
            .selectFrom('staff as s')
            .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
            .select('s.id')
            .where('s.active', '=', true)
            .where('s.id', 'in', staffIds)
            .where(inAudienceSql(resolved, { facts: 's', staffId: 's.id', unit: 'u' }))
            .execute();
          const inTs = staff.filter((_, i) => {
            const member = members[i];
            return member !== undefined && isInAudience(resolved, member);
          });
          expect(ids(inSql)).toEqual(ids(inTs));
          // The team page counts through the same definition.
          const team = await courseStatusOfPeople(db(), {
            courseId: 0,
            fiscalYear: 2025,
            now: new Date('2025-09-01T00:00:00Z'),
            today: '2025-09-01',
            audience: resolved,
            subtreePaths: [root.path],
            limit: 1,
            offset: 0,
          });
          expect(team.total).toBe(inTs.length);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a past year counts people by the membership valid on the day, and roles granted by then', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (org) => {
        const { units, unitAt, staff, audiences } = await build(org);
        const staffIds = staff.map((s) => s.id);
        const pathOf = new Map(units.map((u) => [u.id, u.path]));
        for (const stored of audiences) {
          const resolved = await resolveAudience(db(), stored);
          const columns = { facts: 'm', staffId: 'm.staff_id', unit: 'u', grantedBy: AS_OF };
          const inSql = await db()
            .selectFrom('staff_membership as m')
            .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
            .select(['m.staff_id as id', roleGroupSql(columns).as('group')])
            .where('m.staff_id', 'in', staffIds)
            .where('m.valid_from', '<=', AS_OF)
            .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', AS_OF)]))
            .where(inAudienceSql(resolved, columns))
            .execute();
          const inTs = org.people.flatMap((p, i) => {
            const s = staff[i];
            if (!s || !p.onAsOf) return [];
            const roles = new Set<Role>([
              ...hrRolesOf(p.onAsOf.facts.flags),
              ...p.grants.filter((g) => g.beforeAsOf).map((g) => g.role),
            ]);
            const member = {
              roles,
              unitPath: pathOf.get(unitAt(p.onAsOf.facts.unit).id) ?? '',
              employmentType: p.onAsOf.facts.employmentType,
              active: true,
            };
            return isInAudience(resolved, member) ? [{ id: s.id, group: roleGroupOf(roles) }] : [];
          });
          const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
          expect([...inSql].sort(byId)).toEqual(inTs.sort(byId));
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('the database accepts exactly the employment types and HR flags the code knows', async () => {
    const checks = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid in ('staff'::regclass, 'staff_membership'::regclass) and c.contype = 'c'
        and pg_get_constraintdef(c.oid) like '%employment_type%'`.execute(db());
    expect(checks.rows).toHaveLength(2);
    for (const { def } of checks.rows) {
      const listed = [...def.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).sort();
      expect(listed).toEqual([...EMPLOYMENT_TYPES].sort());
    }
    const columns = await db()
      .selectFrom('information_schema.columns' as never)
      .select(sql<string>`column_name`.as('name'))
      .where(sql`table_name`, '=', 'staff')
      .where(sql`column_name`, 'like', 'is\\_%')
      .execute();
    const hrFlags: string[] = Object.values(HR_ROLE_FLAGS);
    expect(hrFlags.every((f) => columns.some((c) => c.name === f))).toBe(true);
    const types: readonly EmploymentType[] = EMPLOYMENT_TYPES;
    expect(types).toContain('regular');
  });
});
