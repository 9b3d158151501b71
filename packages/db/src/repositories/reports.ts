import type { Audience, EmploymentType, RoleGroup } from '@kenshu/domain';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB } from '../schema.ts';
import { inAudienceSql, roleGroupSql, type PersonColumns } from './audience.ts';
import { eLearningEvidenceSql } from './completions.ts';
import { escapeLike } from './like.ts';

/** How a requirement was met: at a group session, by e-learning, or credited by an admin. */
export type CompletionMethod = 'group_session' | 'e_learning' | 'admin_credit';

/**
 * Whom a report counts and where: people as they are now (the year under way, the same rows the
 * team page and assignment read), or where they were on a day by their effective-dated
 * membership (a closed year, which later staff imports therefore leave alone).
 */
export type ReportBasis = { kind: 'current' } | { kind: 'as_of'; date: string };

export interface PopulationQuery {
  courseId: number;
  fiscalYear: number;
  /** Who the course requires; null when it requires no one. */
  audience: Audience | null;
  basis: ReportBasis;
  /** Subtrees to count in, by materialised path; undefined for the whole ministry. */
  subtreePaths: readonly string[] | undefined;
}

/** One required person in a report population. */
export interface PopulationRow {
  staff_id: number;
  unit_id: number;
  role_group: RoleGroup;
  employment_type: EmploymentType;
  /** The completion that counts (the first one not withdrawn), or null. */
  completion_id: number | null;
  method: CompletionMethod | null;
  /** Tokyo day the completion was recorded ('YYYY-MM-DD'). */
  completed_on: string | null;
}

const STAFF_NOW: PersonColumns = { facts: 's', staffId: 's.id', unit: 'u' };

function withinSql(path: RawBuilder<unknown>, paths: readonly string[] | undefined) {
  if (paths === undefined) return sql<boolean>`true`;
  if (paths.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    paths.map((p) => sql`${path} like ${`${escapeLike(p)}%`}`),
    sql` or `,
  )})`;
}

/**
 * The completions that count for a course and year: each person's first one not withdrawn.
 * The same test of "completed" as the team page: a completion row without a withdrawal.
 */
function countingCompletionsSql(courseId: number, fiscalYear: number) {
  return sql`
    select distinct on (c.staff_id) c.staff_id, c.id as completion_id,
      case c.kind when 'attended' then 'group_session' when 'e_learning' then 'e_learning'
        else 'admin_credit' end as method,
      (c.recorded_at at time zone 'Asia/Tokyo')::date as completed_on
    from completion c
    where c.course_id = ${courseId}::int and c.fiscal_year = ${fiscalYear}::int
      and c.kind <> 'withdrawn'
      and not exists (
        select 1 from completion w where w.kind = 'withdrawn' and w.withdraws_completion_id = c.id)
    order by c.staff_id, c.recorded_at, c.id`;
}

/**
 * Everyone a course required in a fiscal year within the scope, by the one definition of
 * "required" (inAudienceSql), with their unit, report group, employment type and completion.
 * A derived table: aggregates and the lists of people behind them read the same rows.
 */
export function populationSql(q: PopulationQuery): RawBuilder<PopulationRow> {
  const asOf = q.basis.kind === 'as_of' ? q.basis.date : undefined;
  const columns: PersonColumns =
    asOf === undefined
      ? STAFF_NOW
      : { facts: 'm', staffId: 'm.staff_id', unit: 'u', grantedBy: asOf };
  const source =
    asOf === undefined
      ? sql`staff s join org_unit u on u.id = s.org_unit_id`
      : sql`staff_membership m join org_unit u on u.id = m.org_unit_id`;
  const present =
    asOf === undefined
      ? sql`s.active`
      : sql`m.valid_from <= ${asOf}::date and (m.valid_to is null or m.valid_to > ${asOf}::date)`;
  const required = q.audience ? inAudienceSql(q.audience, columns) : sql<boolean>`false`;
  return sql<PopulationRow>`
    select p.staff_id, p.unit_id, p.role_group, p.employment_type,
      d.completion_id, d.method, d.completed_on
    from (
      select ${sql.ref(columns.staffId)} as staff_id, u.id as unit_id,
        ${roleGroupSql(columns)} as role_group, ${sql.ref(`${columns.facts}.employment_type`)} as employment_type
      from ${source}
      where ${present} and ${required} and ${withinSql(sql.ref('u.path'), q.subtreePaths)}
    ) p
    left join (${countingCompletionsSql(q.courseId, q.fiscalYear)}) d on d.staff_id = p.staff_id`;
}

/** One row of the annual aggregate: exactly one of the grouping columns is set (see `by`). */
export interface AggregateRow {
  by: 'unit' | 'role_group' | 'employment_type' | 'method' | 'day';
  unit_id: number | null;
  role_group: RoleGroup | null;
  employment_type: EmploymentType | null;
  method: CompletionMethod | null;
  completed_on: string | null;
  required: number;
  completed: number;
}

/**
 * The year's figures for one course in one statement, whatever the number of units: counts per
 * own unit, per report group, per employment type, per method and per day of completion.
 */
export async function annualAggregate(db: Executor, q: PopulationQuery): Promise<AggregateRow[]> {
  const { rows } = await sql<AggregateRow>`
    select case when grouping(unit_id) = 0 then 'unit'
        when grouping(role_group) = 0 then 'role_group'
        when grouping(employment_type) = 0 then 'employment_type'
        when grouping(method) = 0 then 'method' else 'day' end as by,
      unit_id, role_group, employment_type, method, completed_on,
      count(*)::int as required, count(completion_id)::int as completed
    from (${populationSql(q)}) x
    group by grouping sets ((unit_id), (role_group), (employment_type), (method), (completed_on))`.execute(
    db,
  );
  return rows;
}

/** Required and completed per course, for several courses in one statement. */
export async function courseTotals(
  db: Executor,
  queries: readonly PopulationQuery[],
): Promise<Map<number, { required: number; completed: number }>> {
  if (queries.length === 0) return new Map();
  const parts = queries.map(
    (q) => sql`select ${q.courseId}::int as course_id, count(*)::int as required,
      count(completion_id)::int as completed from (${populationSql(q)}) x`,
  );
  const { rows } = await sql<{ course_id: number; required: number; completed: number }>`
    ${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.course_id, { required: r.required, completed: r.completed }]));
}

/** Required and completed per fiscal year and report group, for several years in one statement. */
export async function yearTotals(
  db: Executor,
  queries: readonly PopulationQuery[],
): Promise<{ fiscal_year: number; role_group: RoleGroup; required: number; completed: number }[]> {
  if (queries.length === 0) return [];
  const parts = queries.map(
    (q) => sql`select ${q.fiscalYear}::int as fiscal_year, role_group, count(*)::int as required,
      count(completion_id)::int as completed from (${populationSql(q)}) x group by role_group`,
  );
  const { rows } = await sql<{
    fiscal_year: number;
    role_group: RoleGroup;
    required: number;
    completed: number;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows;
}

export interface PeopleFilter {
  /** Only people of this unit itself (not its subtree). */
  ownUnitId?: number | undefined;
  roleGroup?: RoleGroup | undefined;
  employmentType?: EmploymentType | undefined;
  method?: CompletionMethod | undefined;
  status?: 'completed' | 'not_completed' | undefined;
  /** Completed on or after this day / on or before this day ('YYYY-MM-DD'). */
  completedFrom?: string | undefined;
  completedTo?: string | undefined;
}

export interface ReportPerson extends PopulationRow {
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  unit_code: string;
  unit_name_ja: string;
  unit_name_en: string;
}

function filterSql(f: PeopleFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (f.ownUnitId !== undefined) parts.push(sql`x.unit_id = ${f.ownUnitId}::int`);
  if (f.roleGroup) parts.push(sql`x.role_group = ${f.roleGroup}`);
  if (f.employmentType) parts.push(sql`x.employment_type = ${f.employmentType}`);
  if (f.method) parts.push(sql`x.method = ${f.method}`);
  if (f.status === 'completed') parts.push(sql`x.completion_id is not null`);
  if (f.status === 'not_completed') parts.push(sql`x.completion_id is null`);
  if (f.completedFrom) parts.push(sql`x.completed_on >= ${f.completedFrom}::date`);
  if (f.completedTo) parts.push(sql`x.completed_on <= ${f.completedTo}::date`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** The people behind a figure: one page in unit order, and how many there are in all. */
export async function reportPeople(
  db: Executor,
  q: PopulationQuery,
  filter: PeopleFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReportPerson[]; total: number }> {
  const { rows } = await sql<ReportPerson & { total: number }>`
    select x.*, s.staff_number, s.family_name, s.given_name, s.family_name_kana,
      s.given_name_kana, u.code as unit_code, u.name_ja as unit_name_ja,
      u.name_en as unit_name_en, count(*) over ()::int as total
    from (${populationSql(q)}) x
    join staff s on s.id = x.staff_id
    join org_unit u on u.id = x.unit_id
    where ${filterSql(filter)}
    order by u.path, s.family_name_kana, s.given_name_kana, s.staff_number
    limit ${page.limit}::int offset ${page.offset}::int`.execute(db);
  if (rows.length > 0 || page.offset === 0) {
    return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }
  // Past the last page: still say how many there are.
  const count = await sql<{ n: number }>`
    select count(*)::int as n from (${populationSql(q)}) x where ${filterSql(filter)}`.execute(db);
  return { rows: [], total: count.rows[0]?.n ?? 0 };
}

/** Everyone in the population who completed, by staff id: what an audit sample is drawn from. */
export async function completedPopulation(
  db: Executor,
  q: PopulationQuery,
): Promise<{ staff_id: number; completion_id: number }[]> {
  const { rows } = await sql<{ staff_id: number; completion_id: number }>`
    select staff_id, completion_id from (${populationSql(q)}) x
    where completion_id is not null order by staff_id`.execute(db);
  return rows;
}

/** Whether any membership history covers a day: without it a closed year cannot be counted. */
export async function hasHistoryOn(db: Executor, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_membership')
    .select('id')
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The units at exactly these paths (the roots of a scope), in path order. */
export async function unitsAtPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return db.selectFrom('org_unit').selectAll().where('path', 'in', paths).orderBy('path').execute();
}

/** Units within the scope (all of them for the ministry), parents before children. */
export async function unitsWithin(db: Executor, subtreePaths: readonly string[] | undefined) {
  return db
    .selectFrom('org_unit as u')
    .select([
      'u.id',
      'u.parent_id',
      'u.kind',
      'u.code',
      'u.name_ja',
      'u.name_en',
      'u.depth',
      'u.path',
    ])
    .where(withinSql(sql.ref('u.path'), subtreePaths))
    .orderBy('u.path')
    .execute();
}

/**
 * Runs a report's reads in one read-only snapshot, so every figure on a page describes the same
 * moment, with PostgreSQL's JIT compiler off: report queries scan many rows once, where JIT's
 * compile time (hundreds of milliseconds) costs more than it saves.
 */
export async function readForReport<T>(
  db: Executor,
  read: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) {
    throw new Error('readForReport opens its own snapshot; call it outside a transaction');
  }
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return read(trx);
    });
}

/** The attainment thresholds in whole percent, highest first. */
export async function attainmentThresholds(db: Executor): Promise<number[]> {
  const row = await db
    .selectFrom('report_setting')
    .select('attainment_thresholds')
    .executeTakeFirst();
  return row?.attainment_thresholds ?? [100, 95, 90];
}

export async function saveAttainmentThresholds(
  trx: Transaction<DB>,
  thresholds: readonly number[],
  by: number,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('report_setting')
    .values({ id: true, attainment_thresholds: [...thresholds], updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        attainment_thresholds: [...thresholds],
        updated_by: by,
        updated_at: at,
      }),
    )
    .execute();
}

/**
 * Refreshes the planner's statistics after a bulk write (a staff import, a night's
 * assignments), so the next queries are planned for the rows now there rather than for an
 * empty table: autovacuum gets there eventually, the first reports would not wait for it.
 */
export async function refreshStatistics(
  db: Executor,
  tables: readonly (keyof DB & string)[],
): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}

/** Saves a drawn sample and its people, in draw order. */
export async function insertAuditSample(
  trx: Transaction<DB>,
  sample: {
    fiscalYear: number;
    courseId: number;
    orgUnitId: number | null;
    seed: string;
    population: number;
    drawnBy: number;
    drawnAt: Date;
    items: readonly { staff_id: number; completion_id: number }[];
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('audit_sample')
    .values({
      fiscal_year: sample.fiscalYear,
      course_id: sample.courseId,
      org_unit_id: sample.orgUnitId,
      seed: sample.seed,
      population: sample.population,
      sample_size: sample.items.length,
      drawn_by: sample.drawnBy,
      drawn_at: sample.drawnAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (sample.items.length > 0) {
    await trx
      .insertInto('audit_sample_item')
      .values(
        sample.items.map((item, i) => ({
          sample_id: id,
          position: i + 1,
          staff_id: item.staff_id,
          completion_id: item.completion_id,
        })),
      )
      .execute();
  }
  return id;
}

/** A saved sample with who drew it and the scope's unit (path for scope checks). */
export async function findAuditSample(db: Executor, id: number) {
  return db
    .selectFrom('audit_sample as a')
    .innerJoin('staff as d', 'd.id', 'a.drawn_by')
    .leftJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .selectAll('a')
    .select([
      sql<string>`d.family_name || ' ' || d.given_name`.as('drawn_by_name'),
      'u.path as unit_path',
      'u.name_ja as unit_name_ja',
      'u.name_en as unit_name_en',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type SavedAuditSample = NonNullable<Awaited<ReturnType<typeof findAuditSample>>>;

/** Samples of a course and year whose scope lies within the given subtrees, newest first. */
export async function listAuditSamples(
  db: Executor,
  q: {
    courseId: number;
    fiscalYear: number;
    /** undefined: every sample (admins); otherwise samples drawn for a unit inside these. */
    subtreePaths: readonly string[] | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SavedAuditSample[]; total: number }> {
  const base = db
    .selectFrom('audit_sample as a')
    .innerJoin('staff as d', 'd.id', 'a.drawn_by')
    .leftJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .where('a.course_id', '=', q.courseId)
    .where('a.fiscal_year', '=', q.fiscalYear)
    .where(
      q.subtreePaths === undefined
        ? sql<boolean>`true`
        : sql<boolean>`u.path is not null and ${withinSql(sql.ref('u.path'), q.subtreePaths)}`,
    );
  const [rows, count] = await Promise.all([
    base
      .selectAll('a')
      .select([
        sql<string>`d.family_name || ' ' || d.given_name`.as('drawn_by_name'),
        'u.path as unit_path',
        'u.name_ja as unit_name_ja',
        'u.name_en as unit_name_en',
      ])
      .orderBy('a.drawn_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The evidence behind each sampled completion: where and how it was recorded. */
export async function sampleEvidence(db: Executor, sampleId: number) {
  const { rows } = await sql<{
    position: number;
    staff_id: number;
    staff_number: string;
    name: string;
    unit_id: number;
    unit_name_ja: string;
    unit_name_en: string;
    kind: 'attended' | 'e_learning' | 'credited';
    recorded_at: Date;
    recorded_by_name: string | null;
    reason: string | null;
    source_ref: string | null;
    session_id: number | null;
    session_starts_at: Date | null;
    venue: string | null;
    mark: string | null;
    marked_via: string | null;
    marked_by_name: string | null;
    marked_at: Date | null;
    checked_in_at: Date | null;
    module_title_ja: string | null;
    module_title_en: string | null;
    module_version: number | null;
    module_completed_at: Date | null;
    best_score: number | null;
  }>`
    select i.position, s.id as staff_id, s.staff_number, s.family_name || ' ' || s.given_name as name,
      u.id as unit_id, u.name_ja as unit_name_ja, u.name_en as unit_name_en,
      c.kind, c.recorded_at, rb.family_name || ' ' || rb.given_name as recorded_by_name, c.reason,
      c.source_ref, c.session_id, t.starts_at as session_starts_at, t.venue,
      a.mark, a.via as marked_via, mb.family_name || ' ' || mb.given_name as marked_by_name,
      a.marked_at, a.checked_in_at,
      mv.title_ja as module_title_ja, mv.title_en as module_title_en, mv.version as module_version,
      p.completed_at as module_completed_at, p.score as best_score
    from audit_sample_item i
    join completion c on c.id = i.completion_id
    join staff s on s.id = i.staff_id
    join org_unit u on u.id = s.org_unit_id
    left join staff rb on rb.id = c.recorded_by
    left join training_session t on t.id = c.session_id
    left join attendance a on a.session_id = c.session_id and a.staff_id = c.staff_id
    left join staff mb on mb.id = a.marked_by
    left join lateral ${eLearningEvidenceSql('c')} p on true
    left join module_version mv on mv.id = p.module_version_id
    where i.sample_id = ${sampleId}::int
    order by i.position`.execute(db);
  return rows;
}
