import { annualReport, yearOverYear } from '@kenshu/api/reports';
import { populationSql, refreshStatistics, type Database } from '@kenshu/db';
import { makeCourse } from '@kenshu/db/testing';
import { currentFiscalYear, fiscalYearRange } from '@kenshu/domain';
import { sql, type KyselyPlugin } from 'kysely';
import { generateMinistry, loadMinistry } from '../../generator/index.ts';
import { actingAs } from '../acting-as.ts';
import { formatNumber, type Benchmark, type BenchContext } from '../harness.ts';

/**
 * The whole-ministry annual report (what GET /api/reports/annual runs for an admin: coverage
 * overall and per course, per unit with roll-up, per report group, employment type and method,
 * attainment, weekly progress) at ministry size, 80,000 staff in ~3,000 units with five fiscal
 * years of membership history and completions, against one hand-written SQL aggregate of the
 * same figures. Also counts the statements the report sends, for the ministry and for one
 * bureau (they must not grow with the number of units), and shows what PostgreSQL's JIT would
 * cost the report's main statement with default settings (the report turns it off).
 */
export const reports: Benchmark = {
  name: 'reports',
  description:
    'whole-ministry annual report (80,000 staff, 5 years) vs. one hand-written aggregate',
  async run(ctx) {
    const now = new Date();
    const fiscalYear = currentFiscalYear(now);
    const ministry = generateMinistry({ seed: 2026 });
    const loaded = await loadMinistry(ctx.db, ministry);
    const course = await makeCourse(ctx.db, { code: 'SEC-ALL', audience: { kind: 'all_staff' } });
    await makeCourse(ctx.db, { code: 'SEC-HEAD', audience: { kind: 'section_heads' } });
    await writeHistory(ctx, course.id, fiscalYear);
    await refreshStatistics(ctx.db, ['org_unit', 'staff', 'staff_membership', 'completion']);

    const adminId = [...loaded.staffIdByNumber.values()][0] ?? 0;
    const counter = statementCounter();
    const counted = ctx.db.withPlugin(counter.plugin);
    const context = (db: Database['db']) =>
      actingAs(db, adminId, { roles: ['admin'], unitPath: '/', at: now });
    let report: Awaited<ReturnType<typeof annualReport>> | undefined;
    let baselineRows: BaselineRow[] = [];
    const { subject, baseline } = await ctx.compare(
      {
        label: 'annual report',
        reset: async () => undefined,
        run: async () => {
          report = await annualReport({ ctx: context(ctx.db), input: { fiscalYear } });
        },
      },
      {
        label: 'hand-written aggregate',
        reset: async () => undefined,
        run: async () => {
          baselineRows = await handWritten(ctx, course.id, fiscalYear);
        },
      },
    );
    const overall = baselineRows.find((r) => r.by === 'overall');
    if (
      !report ||
      !overall ||
      report.overall.required !== overall.required ||
      report.overall.completed !== overall.completed ||
      report.overall.required < ministry.staff.length * 0.9
    ) {
      throw new Error(
        `the report and the baseline disagree: ${JSON.stringify(report?.overall)} vs ${JSON.stringify(overall)}`,
      );
    }

    // Statements per request: the whole ministry, then one bureau with far fewer units.
    const bureauId = report.units.find((u) => u.depth === 1)?.id;
    counter.reset();
    const whole = await annualReport({ ctx: context(counted), input: { fiscalYear } });
    const wholeStatements = counter.count;
    counter.reset();
    const part = await annualReport({
      ctx: context(counted),
      input: { fiscalYear, orgUnitId: bureauId },
    });
    const partStatements = counter.count;

    // The five-year table, timed once (five years of effective-dated membership).
    const historyStarted = performance.now();
    await yearOverYear({ ctx: context(ctx.db), input: { fiscalYear } });
    const historyMs = performance.now() - historyStarted;

    return {
      subject,
      baseline,
      figures: [
        ['required', formatNumber(whole.overall.required)],
        [
          'statements',
          `${wholeStatements} at ${formatNumber(whole.units.length)} units, ${partStatements} at ${formatNumber(part.units.length)} (one bureau)`,
        ],
        ['five-year table', `${formatNumber(historyMs)} ms`],
        ['JIT with default settings', await jitCost(ctx, course.id, fiscalYear)],
      ],
    };
  },
};

/**
 * Five fiscal years behind the current one, written set-based: everyone a member since April
 * four years ago, one in seven transferred (from another unit until last October), one in
 * eleven joined only two years ago, and completions of the all-staff course for every year by
 * about 95% of people (group session, e-learning or credit, spread over the year).
 */
async function writeHistory(ctx: BenchContext, courseId: number, fiscalYear: number) {
  const first = fiscalYear - 4;
  const { firstDay: since } = fiscalYearRange(first);
  const { firstDay: moved } = fiscalYearRange(fiscalYear - 1);
  const { firstDay: joined } = fiscalYearRange(fiscalYear - 2);
  const today = new Date().toISOString().slice(0, 10);
  await ctx.exec(`
    UPDATE staff_membership SET valid_from = '${since}';
    UPDATE staff_membership SET valid_from = '${joined}' WHERE staff_id % 11 = 0;
    UPDATE staff_membership SET valid_from = '${moved}'::date + 183 WHERE staff_id % 7 = 0 AND staff_id % 11 <> 0;
    INSERT INTO staff_membership (staff_id, org_unit_id, employment_type, is_section_head,
        is_unit_security_officer, is_system_security_officer, is_pjmo_member, valid_from, valid_to)
      SELECT m.staff_id, (SELECT min(id) FROM org_unit) + (m.org_unit_id * 37) % (SELECT count(*) FROM org_unit),
        m.employment_type, false, false, false, false, '${since}', m.valid_from
      FROM staff_membership m WHERE m.staff_id % 7 = 0 AND m.staff_id % 11 <> 0;
    INSERT INTO completion (staff_id, course_id, fiscal_year, kind, reason, recorded_at)
      SELECT s.id, ${courseId}, fy,
        CASE s.id % 10 WHEN 0 THEN 'e_learning' WHEN 1 THEN 'credited' ELSE 'attended' END,
        CASE s.id % 10 WHEN 1 THEN '他省庁で受講済み' END,
        least((make_date(fy, 4, 1) + (s.id * 37) % 330)::timestamp + interval '10 hours',
              '${today}'::timestamp) AT TIME ZONE 'Asia/Tokyo'
      FROM staff s CROSS JOIN generate_series(${first}, ${fiscalYear}) fy
      WHERE (s.id * 7 + fy) % 20 <> 0;
  `);
}

interface BaselineRow {
  by: string;
  key: string | null;
  required: number;
  completed: number;
}

/**
 * The same figures as one statement written by hand for this case (everyone active is required,
 * report groups from the HR flags and granted roles): per own unit, report group, employment
 * type, method and day, the overall total, and the totals of the other course.
 */
async function handWritten(
  ctx: BenchContext,
  courseId: number,
  fiscalYear: number,
): Promise<BaselineRow[]> {
  const { rows } = await ctx.db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return sql<BaselineRow>`
      with done as (
        select distinct on (c.staff_id) c.staff_id, c.kind,
          (c.recorded_at at time zone 'Asia/Tokyo')::date as day
        from completion c
        where c.course_id = ${courseId} and c.fiscal_year = ${fiscalYear} and c.kind <> 'withdrawn'
          and not exists (select 1 from completion w where w.withdraws_completion_id = c.id)
        order by c.staff_id, c.recorded_at, c.id
      ), p as (
        select s.org_unit_id, s.employment_type, d.kind, d.day,
          case when s.is_section_head or s.is_unit_security_officer
                 or s.id in (select staff_id from role_grant
                             where role in ('section_head', 'unit_security_officer'))
               then 'security_officers'
               when s.is_system_security_officer or s.is_pjmo_member
                 or s.id in (select staff_id from role_grant
                             where role in ('system_security_officer', 'pjmo_member'))
               then 'system_officers' else 'other_staff' end as grp,
          s.is_section_head
        from staff s left join done d on d.staff_id = s.id
        where s.active
      )
      select case when grouping(org_unit_id) = 0 then 'unit' when grouping(grp) = 0 then 'group'
          when grouping(employment_type) = 0 then 'type' when grouping(kind) = 0 then 'method'
          when grouping(day) = 0 then 'day' else 'overall' end as by,
        coalesce(org_unit_id::text, grp, employment_type, kind, day::text) as key,
        count(*)::int as required, count(kind)::int as completed
      from p
      group by grouping sets ((org_unit_id), (grp), (employment_type), (kind), (day), ())
      union all
      select 'other course', null, count(*)::int, 0 from staff s where s.active and s.is_section_head`.execute(
      trx,
    );
  });
  return rows;
}

/** Counts the statements sent through a Kysely handle (each is one round trip). */
function statementCounter() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      count++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return {
    plugin,
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}

/**
 * EXPLAIN ANALYZE of the report's main statement (the population's grouping sets) with the
 * server's default JIT settings: how many functions JIT would compile and how long it takes.
 * The report itself runs with `jit = off` (readForReport). PGlite is built without JIT.
 */
async function jitCost(ctx: BenchContext, courseId: number, fiscalYear: number): Promise<string> {
  if (ctx.kind === 'embedded') return 'none (PGlite has no JIT)';
  const population = populationSql({
    courseId,
    fiscalYear,
    audience: { kind: 'all_staff' },
    basis: { kind: 'current' },
    subtreePaths: undefined,
  });
  const explain = (jit: 'on' | 'off') =>
    ctx.db.transaction().execute(async (trx) => {
      await sql`set local jit = ${sql.raw(jit)}`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': unknown }>`
        explain (analyze, format json)
        select unit_id, role_group, employment_type, method, completed_on,
          count(*), count(completion_id)
        from (${population}) x
        group by grouping sets ((unit_id), (role_group), (employment_type), (method), (completed_on))`.execute(
        trx,
      );
      const plans = rows[0]?.['QUERY PLAN'] as
        { JIT?: JitInfo; 'Execution Time': number }[] | undefined;
      return plans?.[0];
    });
  const on = await explain('on');
  const off = await explain('off');
  const jit = on?.JIT;
  if (!jit) return `not triggered (${formatNumber(on?.['Execution Time'] ?? 0)} ms)`;
  return (
    `${jit.Functions} functions, ${formatNumber(jit.Timing.Total)} ms compiling; ` +
    `statement ${formatNumber(on?.['Execution Time'] ?? 0)} ms with JIT, ` +
    `${formatNumber(off?.['Execution Time'] ?? 0)} ms without (as the report runs it)`
  );
}

interface JitInfo {
  Functions: number;
  Timing: { Total: number };
}
