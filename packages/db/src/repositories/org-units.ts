import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { NewOrgUnit, OrgUnit } from '../schema.ts';

/** The fields a caller supplies; path and depth follow from the parent. */
export type OrgUnitInput = Omit<NewOrgUnit, 'path' | 'depth'>;

/** Inserts units in the given order (parents before children) and fills in their paths. */
export async function insertOrgUnits(db: Executor, units: OrgUnitInput[]): Promise<OrgUnit[]> {
  if (units.length === 0) return [];
  const inserted: OrgUnit[] = [];
  for (let i = 0; i < units.length; i += 1000) {
    const batch = units.slice(i, i + 1000).map((u) => ({ ...u, path: '', depth: 0 }));
    inserted.push(...(await db.insertInto('org_unit').values(batch).returningAll().execute()));
  }
  await recomputeOrgUnitPaths(db);
  const ids = inserted.map((u) => u.id);
  return db.selectFrom('org_unit').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

/**
 * Rebuilds the materialised paths of the whole tree in one statement, touching only rows whose
 * path changed. Called after inserts and moves; cheap at ~3,000 units.
 */
export async function recomputeOrgUnitPaths(db: Executor): Promise<void> {
  await sql`
    with recursive tree as (
      select id, '/' || id || '/' as path, 0 as depth from org_unit where parent_id is null
      union all
      select child.id, tree.path || child.id || '/', tree.depth + 1
      from org_unit child join tree on child.parent_id = tree.id
    )
    update org_unit set path = tree.path, depth = tree.depth
    from tree
    where org_unit.id = tree.id and (org_unit.path <> tree.path or org_unit.depth <> tree.depth)
  `.execute(db);
}

/** Every unit, ordered so that a parent comes before its children. */
export async function listOrgUnits(db: Executor): Promise<OrgUnit[]> {
  return db.selectFrom('org_unit').selectAll().orderBy('path').execute();
}

export async function findOrgUnitById(db: Executor, id: number): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrgUnitByCode(db: Executor, code: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Active staff counted per unit (the unit itself, not its subtree). */
export async function countStaffPerUnit(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('staff')
    .select(['org_unit_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('active', '=', true)
    .groupBy('org_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.org_unit_id, r.count]));
}

/** A unit and its ancestors, nearest first (the unit itself is first). */
export async function findUnitWithAncestors(db: Executor, unitId: number): Promise<OrgUnit[]> {
  const unit = await findOrgUnitById(db, unitId);
  if (!unit) return [];
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const rows = await db.selectFrom('org_unit').selectAll().where('id', 'in', ids).execute();
  return rows.sort((a, b) => b.depth - a.depth);
}
