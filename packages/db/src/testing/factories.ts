import type { Executor } from '../connection.ts';
import { insertOrgUnits } from '../repositories/org-units.ts';
import { insertStaff } from '../repositories/staff.ts';
import type { NewOrgUnit, NewStaff, OrgUnit, Staff } from '../schema.ts';

let counter = 0;
/** A value unique within this test process, for codes and staff numbers. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** Creates an org unit (a bureau under no parent unless one is given). */
export async function makeOrgUnit(
  db: Executor,
  overrides: Partial<Omit<NewOrgUnit, 'path' | 'depth'>> = {},
): Promise<OrgUnit> {
  const code = overrides.code ?? unique('U');
  const [unit] = await insertOrgUnits(db, [
    {
      code,
      parent_id: null,
      kind: 'bureau',
      name_ja: `部局${code}`,
      name_en: `Bureau ${code}`,
      ...overrides,
    },
  ]);
  if (!unit) throw new Error('makeOrgUnit inserted nothing');
  return unit;
}

/** Creates a staff member, in a new unit unless one is given. */
export async function makeStaff(db: Executor, overrides: Partial<NewStaff> = {}): Promise<Staff> {
  const staffNumber = overrides.staff_number ?? unique('S');
  const orgUnitId = overrides.org_unit_id ?? (await makeOrgUnit(db)).id;
  const [staff] = await insertStaff(db, [
    {
      staff_number: staffNumber,
      family_name: '試験',
      given_name: '太郎',
      family_name_kana: 'しけん',
      given_name_kana: 'たろう',
      email: `${staffNumber.toLowerCase()}@test.kenshu.example`,
      org_unit_id: orgUnitId,
      employment_type: 'regular',
      ...overrides,
    },
  ]);
  if (!staff) throw new Error('makeStaff inserted nothing');
  return staff;
}
