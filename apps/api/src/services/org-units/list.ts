import { countStaffPerUnit, listOrgUnits, type Executor, type OrgUnit as Row } from '@kenshu/db';
import type { OrgUnit } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';

function present(u: Row, staffCount: number): OrgUnit {
  return {
    id: u.id,
    code: u.code,
    parentId: u.parent_id,
    kind: u.kind,
    nameJa: u.name_ja,
    nameEn: u.name_en,
    depth: u.depth,
    active: u.active,
    staffCount,
    hasGroupSessions: u.has_group_sessions,
  };
}

/** The organisation tree with the number of active staff in each unit. */
export async function listOrgUnitTree({ ctx }: { ctx: ServiceContext }): Promise<OrgUnit[]> {
  const [units, counts] = await Promise.all([listOrgUnits(ctx.db), countStaffPerUnit(ctx.db)]);
  return units.map((u) => present(u, counts.get(u.id) ?? 0));
}

/** One unit as the tree lists it. */
export async function toOrgUnit(unit: Row, db: Executor): Promise<OrgUnit> {
  const counts = await countStaffPerUnit(db, unit.id);
  return present(unit, counts.get(unit.id) ?? 0);
}
