import type { Audience, EmploymentType, RequirementStatus, Role } from '@kenshu/domain';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../connection.ts';
import { hasRoleSql, inAudienceSql } from './audience.ts';
import { countingCompletionScoreSql } from './completions.ts';
import { requirementFactsSql, requirementStatusSql } from './requirements.ts';
import { matchesStaffSearch } from './staff-search.ts';

/** Where a required person stands (the team page never lists people not required). */
export type PersonStatus = Exclude<RequirementStatus, 'not_required'>;

export interface TeamStatusQuery {
  courseId: number;
  fiscalYear: number;
  /** The moment the list describes (a seat is upcoming or held relative to it). */
  now: Date;
  /** Today in Tokyo, 'YYYY-MM-DD'. */
  today: string;
  /** Who the course requires; null when it requires no one (an inactive course). */
  audience: Audience | null;
  /** Subtrees to look in; undefined means the whole ministry (admins). */
  subtreePaths: readonly string[] | undefined;
  search?: string | undefined;
  /** Only people holding this role (an HR flag or an admin's grant). */
  role?: Role | undefined;
  employmentType?: EmploymentType | undefined;
  status?: PersonStatus | 'not_completed' | undefined;
  limit: number;
  offset: number;
}

/**
 * Everyone required to take a course in the subtrees, with where they stand (and the score of a
 * completion by e-learning), in one query: the page asked for, the total, and the count per status. The status is the domain's rule
 * (requirementStatus) over the same facts a person's own record reads.
 */
export async function courseStatusOfPeople(db: Executor, q: TeamStatusQuery) {
  const facts = requirementFactsSql(sql.ref('s.id'), sql`${q.courseId}::int`, sql`true`, {
    fiscalYear: q.fiscalYear,
    now: q.now,
    today: q.today,
  });
  // Everyone listed is in the audience, so the rule never reaches not_required here.
  const status = sql<PersonStatus>`${requirementStatusSql(facts)}`;

  const people = db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .where('s.active', '=', true)
    .where(
      q.audience
        ? inAudienceSql(q.audience, { facts: 's', staffId: 's.id', unit: 'u' })
        : sql<SqlBool>`false`,
    )
    .where((eb) => {
      const paths = q.subtreePaths;
      if (!paths) return sql<SqlBool>`true`;
      if (paths.length === 0) return sql<SqlBool>`false`;
      return eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`)));
    })
    .$if(q.role !== undefined, (qb) =>
      qb.where(hasRoleSql({ facts: 's', staffId: 's.id', unit: 'u' }, q.role ? [q.role] : [])),
    )
    .$if(q.employmentType !== undefined, (qb) =>
      qb.where('s.employment_type', '=', q.employmentType ?? 'regular'),
    )
    .where((eb) => {
      if (!q.search) return sql<SqlBool>`true`;
      return matchesStaffSearch(eb, 's', q.search);
    })
    .select([
      's.id',
      's.staff_number',
      's.family_name',
      's.given_name',
      's.family_name_kana',
      's.given_name_kana',
      's.email',
      's.employment_type',
      'u.id as unit_id',
      'u.name_ja as unit_name_ja',
      'u.name_en as unit_name_en',
      status.as('status'),
    ]);
  // The score is read for the page's rows only, not for every person the counts go over.
  const withStatus = db
    .selectFrom(people.as('p'))
    .selectAll('p')
    .select(countingCompletionScoreSql(sql.ref('p.id'), q.courseId, q.fiscalYear).as('score'));
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
