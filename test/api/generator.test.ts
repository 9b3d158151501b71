import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COORDINATING_OFFICE_CODE,
  csvLine,
  generateMinistry,
  loadMinistry,
  STAFF_IMPORT_CSV_HEADER,
  writeStaffImportCsv,
  type Ministry,
} from '../generator/index.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();

// The full-size ministry is generated once and shared by the read-only checks below.
const ministry = generateMinistry({ seed: 2026 });

describe('generateMinistry', () => {
  it('gives the same ministry for the same seed, and another for another seed', () => {
    expect(fingerprint(generateMinistry({ seed: 2026 }))).toBe(fingerprint(ministry));
    expect(fingerprint(generateMinistry({ seed: 2027 }))).not.toBe(fingerprint(ministry));
  });

  it('is the size of the real ministry', () => {
    expect(ministry.staff).toHaveLength(80_000);
    expect(ministry.units.length).toBeGreaterThanOrEqual(2_900);
    expect(ministry.units.length).toBeLessThanOrEqual(3_100);
  });

  it('has unique codes, staff numbers and e-mail addresses', () => {
    expect(new Set(ministry.units.map((u) => u.code)).size).toBe(ministry.units.length);
    expect(new Set(ministry.staff.map((s) => s.staff_number)).size).toBe(ministry.staff.length);
    const emails = ministry.staff.map((s) => s.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('lists every parent before its children, under one ministry, at most five levels deep', () => {
    const depth = new Map<string, number>();
    for (const unit of ministry.units) {
      if (unit.parent_code === null) {
        depth.set(unit.code, 0);
        continue;
      }
      const parentDepth = depth.get(unit.parent_code);
      expect(parentDepth, `${unit.code}'s parent ${unit.parent_code}`).toBeDefined();
      depth.set(unit.code, (parentDepth ?? 0) + 1);
    }
    expect(ministry.units.filter((u) => u.kind === 'ministry')).toHaveLength(1);
    expect(ministry.units[0]?.parent_code).toBeNull();
    expect(Math.max(...depth.values())).toBe(5);
    const staffUnits = new Set(ministry.staff.map((s) => s.unit_code));
    expect(ministry.units.every((u) => staffUnits.has(u.code))).toBe(true);
  });

  it('has realistic employment types, locales and roles', () => {
    const share = (pred: (s: Ministry['staff'][number]) => boolean) =>
      ministry.staff.filter(pred).length / ministry.staff.length;
    expect(share((s) => s.employment_type === 'regular')).toBeCloseTo(0.75, 1);
    expect(share((s) => s.employment_type === 'part_time')).toBeCloseTo(0.15, 1);
    expect(share((s) => s.employment_type === 'temporary')).toBeCloseTo(0.1, 1);
    expect(share((s) => s.locale === 'ja')).toBeGreaterThan(0.9);
    expect(share((s) => s.is_system_security_officer)).toBeCloseTo(0.02, 2);
    expect(share((s) => s.is_pjmo_member)).toBeCloseTo(0.05, 2);

    const headsPer = countBy(
      ministry.staff.filter((s) => s.is_section_head).map((s) => s.unit_code),
    );
    const officersPer = countBy(
      ministry.staff.filter((s) => s.is_unit_security_officer).map((s) => s.unit_code),
    );
    for (const unit of ministry.units) {
      const heads = unit.kind === 'division' || unit.kind === 'section' ? 1 : 0;
      const officers = unit.kind === 'bureau' || unit.kind === 'regional_office' ? 1 : 0;
      expect(headsPer.get(unit.code) ?? 0, unit.code).toBe(heads);
      expect(officersPer.get(unit.code) ?? 0, unit.code).toBe(officers);
    }

    const admins = ministry.grants.filter((g) => g.role === 'admin');
    const trainers = ministry.grants.filter((g) => g.role === 'trainer');
    expect(admins).toHaveLength(10);
    expect(trainers.length).toBeGreaterThanOrEqual(24);
    expect(trainers.length).toBeLessThanOrEqual(60);
    const unitOf = new Map(ministry.staff.map((s) => [s.staff_number, s.unit_code]));
    expect(admins.every((a) => unitOf.get(a.staff_number) === COORDINATING_OFFICE_CODE)).toBe(true);
  });

  it('refuses sizes the shape cannot hold', () => {
    expect(() => generateMinistry({ seed: 1, units: 20 })).toThrow(RangeError);
    expect(() => generateMinistry({ seed: 1, units: 3_000, staff: 100 })).toThrow(RangeError);
  });
});

describe('writeStaffImportCsv', () => {
  it('writes one unit record per unit, then one staff record per person, under the header', async () => {
    const small = generateMinistry({ seed: 5, staff: 500, units: 150 });
    const dir = mkdtempSync(join(tmpdir(), 'kenshu-staff-import-'));
    try {
      const file = join(dir, 'staff.csv');
      await writeStaffImportCsv(small, file);
      const lines = readFileSync(file, 'utf8').split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe(STAFF_IMPORT_CSV_HEADER.join(','));
      expect(lines).toHaveLength(1 + small.units.length + small.staff.length + 1);
      expect(lines[1]).toBe('unit,MIN,,ministry,財務省,Ministry of Finance' + ','.repeat(13));
      const person = small.staff[0];
      expect(lines[1 + small.units.length]).toBe(
        `staff,,,,,,${person?.staff_number},${person?.family_name},${person?.given_name},` +
          `${person?.family_name_kana},${person?.given_name_kana},${person?.email},` +
          `${person?.unit_code},${person?.employment_type},${person?.is_section_head},` +
          `${person?.is_unit_security_officer},${person?.is_system_security_officer},` +
          `${person?.is_pjmo_member},${person?.locale}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes fields that hold commas, quotes or line breaks', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, true])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,true',
    );
  });
});

describe('loadMinistry', () => {
  it('loads a small ministry through the repositories, with paths for subtree queries', async () => {
    const small = generateMinistry({ seed: 11, staff: 2_000, units: 150 });
    const { db } = database.current;
    const loaded = await loadMinistry(db, small);

    const count = async (table: 'org_unit' | 'staff' | 'role_grant') =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('org_unit')).toBe(150);
    expect(await count('staff')).toBe(2_000);
    expect(await count('role_grant')).toBe(small.grants.length);

    const staffUnder = async (code: string) => {
      const unitId = loaded.unitIdByCode.get(code);
      const unit = await db
        .selectFrom('org_unit')
        .select('path')
        .where('id', '=', unitId ?? -1)
        .executeTakeFirstOrThrow();
      const row = await db
        .selectFrom('staff')
        .innerJoin('org_unit', 'org_unit.id', 'staff.org_unit_id')
        .where('org_unit.path', 'like', `${unit.path}%`)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { path: unit.path, staff: row.n };
    };

    // The ministry is the first unit of a fresh database: everyone is under '/1/'.
    expect(await staffUnder('MIN')).toEqual({ path: '/1/', staff: 2_000 });
    const agency = await staffUnder('AGY-NTA');
    expect(agency.path).toMatch(/^\/1\/\d+\/$/);
    expect(agency.staff).toBe(expectedStaffUnder(small, 'AGY-NTA'));
    expect(agency.staff).toBeGreaterThan(0);
    expect(agency.staff).toBeLessThan(2_000);
  });
});

function fingerprint(m: Ministry): string {
  return createHash('sha256').update(JSON.stringify(m)).digest('hex');
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Staff in a unit's subtree, worked out from the generated rows alone. */
function expectedStaffUnder(m: Ministry, code: string): number {
  const parentOf = new Map(m.units.map((u) => [u.code, u.parent_code]));
  const isUnder = (unit: string | null): boolean =>
    unit === null ? false : unit === code || isUnder(parentOf.get(unit) ?? null);
  return m.staff.filter((s) => isUnder(s.unit_code)).length;
}
