import type { OrgUnit } from '@kenshu/contracts';
import { isBureauLevel } from '@kenshu/domain';

/** Who is looking, as far as choosing units goes. */
export interface UnitViewer {
  /** The viewer's own unit. */
  orgUnitId: number;
  /** The unit an admin set for the viewer to oversee as section head, instead of their own. */
  sectionHeadUnitId?: number | null;
  isAdmin: boolean;
  isSectionHead: boolean;
  isUnitSecurityOfficer: boolean;
}

/**
 * The units the viewer may filter the list by, in tree order (parents before children,
 * siblings in the staff file's order): every unit for admins; otherwise the subtree of their own unit, or
 * the one an admin set (section heads), and of the bureau, agency or regional office above it
 * (unit security officers),
 * the same rule the API applies.
 */
export function overseenUnits(units: readonly OrgUnit[], viewer: UnitViewer): OrgUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<number | null, OrgUnit[]>();
  for (const unit of [...units].sort((a, b) => a.id - b.id)) {
    const parentId = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), unit]);
  }

  const roots: OrgUnit[] = [];
  if (viewer.isAdmin) {
    roots.push(...(childrenOf.get(null) ?? []));
  } else {
    const own = byId.get(viewer.orgUnitId);
    if (own && viewer.isUnitSecurityOfficer) {
      roots.push(bureauOf(own, byId) ?? own);
    }
    const headOf = viewer.sectionHeadUnitId ? byId.get(viewer.sectionHeadUnitId) : own;
    if (headOf && viewer.isSectionHead) roots.push(headOf);
  }

  const result: OrgUnit[] = [];
  const seen = new Set<number>();
  const visit = (unit: OrgUnit) => {
    // The seen check drops a section head's unit already inside their bureau, and guards
    // against a cycle in bad data.
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    result.push(unit);
    for (const child of childrenOf.get(unit.id) ?? []) visit(child);
  };
  for (const root of roots) visit(root);
  return result;
}

function bureauOf(unit: OrgUnit, byId: ReadonlyMap<number, OrgUnit>): OrgUnit | undefined {
  const visited = new Set<number>();
  let current: OrgUnit | undefined = unit;
  while (current && !visited.has(current.id)) {
    if (isBureauLevel(current.kind)) return current;
    visited.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return undefined;
}
