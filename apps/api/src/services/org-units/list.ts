import { countStaffPerUnit, listOrgUnits } from '@kenshu/db';
import type { OrgUnit } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';

/** The organisation tree with the number of active staff in each unit. */
export async function listOrgUnitTree({ ctx }: { ctx: ServiceContext }): Promise<OrgUnit[]> {
  const [units, counts] = await Promise.all([listOrgUnits(ctx.db), countStaffPerUnit(ctx.db)]);
  return units.map((u) => ({
    id: u.id,
    code: u.code,
    parentId: u.parent_id,
    kind: u.kind,
    nameJa: u.name_ja,
    nameEn: u.name_en,
    depth: u.depth,
    active: u.active,
    staffCount: counts.get(u.id) ?? 0,
  }));
}
