import { grantRoles, insertOrgUnits, insertStaff, type Database } from '@kenshu/db';
import type { Ministry, UnitRow } from './generate.ts';

/** What was loaded, for tests and benchmarks to find rows by their HR keys. */
export interface LoadedMinistry {
  unitIdByCode: Map<string, number>;
  staffIdByNumber: Map<string, number>;
}

/**
 * Loads a generated ministry through the app's repositories, in one transaction: units level by
 * level (a child needs its parent's id), then staff, then the roles admins grant.
 */
export async function loadMinistry(
  db: Database['db'],
  ministry: Ministry,
): Promise<LoadedMinistry> {
  return db.transaction().execute(async (trx) => {
    const unitIdByCode = new Map<string, number>();
    const idOf = (code: string): number => {
      const id = unitIdByCode.get(code);
      if (id === undefined) throw new Error(`unit ${code} is used before it is loaded`);
      return id;
    };

    for (const level of byDepth(ministry.units)) {
      const inserted = await insertOrgUnits(
        trx,
        level.map((u) => ({
          code: u.code,
          parent_id: u.parent_code === null ? null : idOf(u.parent_code),
          kind: u.kind,
          name_ja: u.name_ja,
          name_en: u.name_en,
        })),
      );
      for (const unit of inserted) unitIdByCode.set(unit.code, unit.id);
    }

    const staff = await insertStaff(
      trx,
      ministry.staff.map(({ unit_code, ...person }) => ({
        ...person,
        org_unit_id: idOf(unit_code),
      })),
    );
    const staffIdByNumber = new Map(staff.map((s) => [s.staff_number, s.id]));

    await grantRoles(
      trx,
      ministry.grants.map((g) => {
        const staffId = staffIdByNumber.get(g.staff_number);
        if (staffId === undefined) throw new Error(`grant for unknown staff ${g.staff_number}`);
        return { staff_id: staffId, role: g.role };
      }),
      null,
    );
    return { unitIdByCode, staffIdByNumber };
  });
}

/** Units grouped by depth, shallowest first; each group keeps the input order. */
function byDepth(units: readonly UnitRow[]): UnitRow[][] {
  const depthOf = new Map<string, number>();
  const levels: UnitRow[][] = [];
  for (const unit of units) {
    const parentDepth = unit.parent_code === null ? -1 : depthOf.get(unit.parent_code);
    if (parentDepth === undefined) {
      throw new Error(`unit ${unit.code} comes before its parent ${unit.parent_code ?? ''}`);
    }
    const depth = parentDepth + 1;
    depthOf.set(unit.code, depth);
    (levels[depth] ??= []).push(unit);
  }
  return levels;
}
