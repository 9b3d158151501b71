import type { OrgUnit } from '@kenshu/contracts';

/** A unit with its children, and the active staff of the unit and everything under it. */
export interface OrgTreeNode {
  unit: OrgUnit;
  children: OrgTreeNode[];
  subtreeStaffCount: number;
}

/**
 * Nests the API's flat unit list. Siblings are ordered by id, the order units were registered
 * in (normally the staff file's official order): the API sorts by path, which puts /1/10/ before
 * /1/2/. A unit whose parent is not in the list becomes a root rather than disappearing.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  const byFileOrder = [...units].sort((a, b) => a.id - b.id);
  for (const unit of byFileOrder) {
    nodes.set(unit.id, { unit, children: [], subtreeStaffCount: unit.staffCount });
  }
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const root of roots) sumStaff(root);
  return roots;
}

function sumStaff(node: OrgTreeNode): number {
  node.subtreeStaffCount =
    node.unit.staffCount + node.children.reduce((sum, child) => sum + sumStaff(child), 0);
  return node.subtreeStaffCount;
}

/** Ids of the unit's ancestors, nearest first; for opening the tree down to a deep-linked unit. */
export function ancestorIds(units: readonly OrgUnit[], unitId: number): number[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const ids: number[] = [];
  let parentId = parentOf.get(unitId) ?? null;
  // The visited check guards against a cycle in bad data turning this into an endless loop.
  while (parentId !== null && !ids.includes(parentId)) {
    ids.push(parentId);
    parentId = parentOf.get(parentId) ?? null;
  }
  return ids;
}

/**
 * The nearest unit above `unitId` whose staff cannot attend group sessions, if any: its whole
 * subtree follows it, as the API's assignment rule does.
 */
export function groupSessionsBlockedBy(
  units: readonly OrgUnit[],
  unitId: number,
): OrgUnit | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const id of ancestorIds(units, unitId)) {
    const unit = byId.get(id);
    if (unit && !unit.hasGroupSessions) return unit;
  }
  return undefined;
}
