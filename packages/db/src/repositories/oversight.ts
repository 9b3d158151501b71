import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB, EmploymentType, Role } from '../schema.ts';

/** An audience with its units already turned into subtree paths. */
export type ResolvedAudience =
  | { kind: 'all_staff' }
  | { kind: 'section_heads' }
  | { kind: 'pjmo_members' }
  | {
      kind: 'rule';
      roles: readonly Role[];
      unitPaths: readonly string[];
      employmentTypes: readonly EmploymentType[];
    };

export type PersonStatus =
  'completed' | 'booked' | 'waiting' | 'e_learning_assigned' | 'not_started';

type StaffScope = ExpressionBuilder<DB & { s: DB['staff']; u: DB['org_unit'] }, 's' | 'u'>;

const HR_FLAG: Partial<
  Record<
    Role,
    'is_section_head' | 'is_unit_security_officer' | 'is_system_security_officer' | 'is_pjmo_member'
  >
> = {
  section_head: 'is_section_head',
  unit_security_officer: 'is_unit_security_officer',
  system_security_officer: 'is_system_security_officer',
  pjmo_member: 'is_pjmo_member',
};

function hasRole(eb: StaffScope, role: Role): Expression<SqlBool> {
  const granted = eb.exists(
    eb
      .selectFrom('role_grant as g')
      .select('g.staff_id')
      .whereRef('g.staff_id', '=', 's.id')
      .where('g.role', '=', role),
  );
  const flag = HR_FLAG[role];
  return flag ? eb.or([eb(`s.${flag}`, '=', true), granted]) : granted;
}

/** The audience rule as SQL over staff `s` and their unit `u` (the same rule as @kenshu/domain's isInAudience). */
function inAudience(eb: StaffScope, audience: ResolvedAudience): Expression<SqlBool> {
  switch (audience.kind) {
    case 'all_staff':
      return sql<SqlBool>`true`;
    case 'section_heads':
      return hasRole(eb, 'section_head');
    case 'pjmo_members':
      return hasRole(eb, 'pjmo_member');
    case 'rule': {
      const parts: Expression<SqlBool>[] = [];
      if (audience.roles.length) parts.push(eb.or(audience.roles.map((r) => hasRole(eb, r))));
      if (audience.unitPaths.length)
        parts.push(eb.or(audience.unitPaths.map((p) => eb('u.path', 'like', `${p}%`))));
      if (audience.employmentTypes.length)
        parts.push(eb('s.employment_type', 'in', audience.employmentTypes));
      return parts.length ? eb.and(parts) : sql<SqlBool>`true`;
    }
  }
}

export interface OversightQuery {
  courseId: number;
  fiscalYear: number;
  audience: ResolvedAudience;
  /** Subtrees to look in; undefined means the whole ministry (admins). */
  subtreePaths: readonly string[] | undefined;
  search?: string | undefined;
  status?: PersonStatus | 'not_completed' | undefined;
  limit: number;
  offset: number;
}

/**
 * Everyone required to take a course in the subtrees, with where they stand, in one query: the
 * page asked for, the total, and the count per status. The status order mirrors the domain's
 * requirementStatus: completed, booked, waiting, e-learning assigned, not started.
 */
export async function courseStatusOfPeople(db: Executor, q: OversightQuery) {
  const completed = sql<boolean>`exists (
    select 1 from completion c where c.staff_id = s.id and c.course_id = ${q.courseId} and c.fiscal_year = ${q.fiscalYear}
      and c.kind <> 'withdrawn' and not exists (select 1 from completion w where w.withdraws_completion_id = c.id))`;
  const booked = sql<boolean>`exists (select 1 from booking b where b.staff_id = s.id and b.course_id = ${q.courseId} and b.fiscal_year = ${q.fiscalYear} and b.status = 'confirmed')`;
  const waiting = sql<boolean>`exists (select 1 from booking b where b.staff_id = s.id and b.course_id = ${q.courseId} and b.fiscal_year = ${q.fiscalYear} and b.status = 'waitlisted')`;
  const assigned = sql<boolean>`exists (select 1 from assignment a where a.staff_id = s.id and a.course_id = ${q.courseId} and a.fiscal_year = ${q.fiscalYear} and a.status = 'open')`;
  const status = sql<PersonStatus>`case when ${completed} then 'completed' when ${booked} then 'booked' when ${waiting} then 'waiting' when ${assigned} then 'e_learning_assigned' else 'not_started' end`;

  const people = db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .where('s.active', '=', true)
    .where((eb) => inAudience(eb, q.audience))
    .where((eb) => {
      const paths = q.subtreePaths;
      if (!paths) return sql<SqlBool>`true`;
      if (paths.length === 0) return sql<SqlBool>`false`;
      return eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`)));
    })
    .where((eb) => {
      if (!q.search) return sql<SqlBool>`true`;
      const term = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return eb.or([
        eb('s.staff_number', 'ilike', term),
        eb(sql`s.family_name || s.given_name`, 'ilike', term),
        eb(sql`s.family_name_kana || s.given_name_kana`, 'ilike', term),
      ]);
    })
    .select([
      's.id',
      's.staff_number',
      's.family_name',
      's.given_name',
      's.family_name_kana',
      's.given_name_kana',
      's.email',
      'u.id as unit_id',
      'u.name_ja as unit_name_ja',
      'u.name_en as unit_name_en',
      status.as('status'),
    ]);
  const withStatus = db.selectFrom(people.as('p')).selectAll('p');
  const filtered =
    q.status === 'not_completed'
      ? withStatus.where('p.status', '<>', 'completed')
      : q.status
        ? withStatus.where('p.status', '=', q.status)
        : withStatus;
  const [rows, counts] = await Promise.all([
    filtered
      .orderBy('p.unit_id')
      .orderBy('p.family_name_kana')
      .orderBy('p.staff_number')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    db
      .selectFrom(people.as('p'))
      .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.status')
      .execute(),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
    Record<PersonStatus, number>
  >;
  const total =
    q.status === 'not_completed'
      ? counts.filter((c) => c.status !== 'completed').reduce((a, c) => a + c.n, 0)
      : q.status
        ? (byStatus[q.status] ?? 0)
        : counts.reduce((a, c) => a + c.n, 0);
  return { rows, total, byStatus };
}
