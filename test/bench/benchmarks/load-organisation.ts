import { csvLine, generateMinistry, loadMinistry, type Ministry } from '../../generator/index.ts';
import {
  formatNumber,
  rowsPerSecond,
  type Benchmark,
  type BenchContext,
  type CsvCopy,
} from '../harness.ts';

/**
 * Loading the whole organisation through the app's repositories (units level by level with
 * their paths, staff in batches, granted roles; one transaction), against the floor for moving
 * the same rows into the database: COPY into tables with the same columns and no indexes or
 * constraints. Both sides start from the generated rows in memory, so both pay for turning them
 * into what they send.
 */
export const loadOrganisation: Benchmark = {
  name: 'load-organisation',
  description: 'loadMinistry (80,000 staff, 3,000 units) vs. COPY into bare tables',
  async run(ctx) {
    const started = performance.now();
    const ministry = generateMinistry({ seed: 2026 });
    const generateMs = performance.now() - started;

    await ctx.exec(`
      CREATE TABLE bare_org_unit (LIKE org_unit INCLUDING DEFAULTS);
      CREATE TABLE bare_staff (LIKE staff INCLUDING DEFAULTS);
      CREATE TABLE bare_role_grant (LIKE role_grant INCLUDING DEFAULTS);
    `);
    const { subject, baseline } = await ctx.compare(
      {
        label: 'loadMinistry',
        reset: () => ctx.exec('TRUNCATE org_unit, staff RESTART IDENTITY CASCADE'),
        run: async () => {
          await loadMinistry(ctx.db, ministry);
        },
      },
      {
        label: 'COPY into bare tables',
        reset: () => ctx.exec('TRUNCATE bare_org_unit, bare_staff, bare_role_grant'),
        run: () => ctx.copyCsv(bareCopies(ministry)),
      },
    );
    await expectLoaded(ctx, ministry);

    const staff = ministry.staff.length;
    return {
      subject,
      baseline,
      figures: [
        ['staff rows/s', `${rowsPerSecond(staff, subject)} vs ${rowsPerSecond(staff, baseline)}`],
        ['generate', `${formatNumber(generateMs)} ms`],
      ],
    };
  },
};

/** The ministry as CSV for the bare tables, with ids and paths worked out in memory. */
function bareCopies(ministry: Ministry): CsvCopy[] {
  const unitId = new Map<string, number>();
  const pathOf = new Map<number, string>();
  const units: string[] = [];
  ministry.units.forEach((u, i) => {
    const id = i + 1;
    const parentId = u.parent_code === null ? null : (unitId.get(u.parent_code) ?? null);
    const path = `${parentId === null ? '/' : (pathOf.get(parentId) ?? '/')}${id}/`;
    unitId.set(u.code, id);
    pathOf.set(id, path);
    const depth = path.split('/').length - 3;
    units.push(csvLine([id, u.code, parentId, u.kind, u.name_ja, u.name_en, path, depth]));
  });

  const staffId = new Map<string, number>();
  const staff = ministry.staff.map((s, i) => {
    staffId.set(s.staff_number, i + 1);
    return csvLine([
      i + 1,
      s.staff_number,
      s.family_name,
      s.given_name,
      s.family_name_kana,
      s.given_name_kana,
      s.email,
      unitId.get(s.unit_code) ?? null,
      s.employment_type,
      s.locale,
      s.is_section_head,
      s.is_unit_security_officer,
      s.is_system_security_officer,
      s.is_pjmo_member,
    ]);
  });
  const grants = ministry.grants.map((g) => csvLine([staffId.get(g.staff_number) ?? null, g.role]));

  const text = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return [
    {
      table: 'bare_org_unit',
      columns: ['id', 'code', 'parent_id', 'kind', 'name_ja', 'name_en', 'path', 'depth'],
      csv: text(units),
    },
    {
      table: 'bare_staff',
      columns: [
        'id',
        'staff_number',
        'family_name',
        'given_name',
        'family_name_kana',
        'given_name_kana',
        'email',
        'org_unit_id',
        'employment_type',
        'locale',
        'is_section_head',
        'is_unit_security_officer',
        'is_system_security_officer',
        'is_pjmo_member',
      ],
      csv: text(staff),
    },
    { table: 'bare_role_grant', columns: ['staff_id', 'role'], csv: text(grants) },
  ];
}

/** A fast side that loaded nothing would be a wrong result, not a good one. */
async function expectLoaded(ctx: BenchContext, ministry: Ministry): Promise<void> {
  const counts = await Promise.all(
    (['org_unit', 'staff'] as const).map(async (table) => {
      const row = await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
  const expected = [ministry.units.length, ministry.staff.length];
  if (counts.join() !== expected.join()) {
    throw new Error(
      `loadMinistry left ${counts.join('/')} units/staff, expected ${expected.join('/')}`,
    );
  }
  // The bare tables are not in the typed schema, so this check is plain SQL.
  await ctx.exec(`
    DO $$ BEGIN
      IF (SELECT count(*) FROM bare_org_unit) <> ${expected[0]}
        OR (SELECT count(*) FROM bare_staff) <> ${expected[1]} THEN
        RAISE EXCEPTION 'COPY baseline did not load every row';
      END IF;
    END $$;
  `);
}
