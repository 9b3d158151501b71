import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { NewOrgUnit, OrgUnit } from '../schema.ts';
import { hasRoleSql } from './audience.ts';

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

/** Active staff counted per unit (the unit itself, not its subtree); all units, or one. */
export async function countStaffPerUnit(
  db: Executor,
  unitId?: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('staff')
    .select(['org_unit_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('active', '=', true)
    .$if(unitId !== undefined, (qb) => qb.where('org_unit_id', '=', unitId ?? 0))
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

/** Sets whether a unit's staff can attend group sessions; the units below it follow it. */
export async function setUnitGroupSessions(
  db: Executor,
  unitId: number,
  hasGroupSessions: boolean,
  now: Date,
): Promise<OrgUnit | undefined> {
  return db
    .updateTable('org_unit')
    .set({ has_group_sessions: hasGroupSessions, updated_at: now })
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirst();
}

/** A section head with where HR lists them and the unit they oversee. */
export interface SectionHeadRow {
  staff_id: number;
  staff_number: string;
  family_name: string;
  given_name: string;
  unit_id: number;
  unit_name_ja: string;
  unit_name_en: string;
  oversight_unit_id: number | null;
  oversight_name_ja: string | null;
  oversight_name_en: string | null;
}

function sectionHeads(db: Executor) {
  return db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .leftJoin('org_unit as o', 'o.id', 's.oversight_unit_id')
    .where('s.active', '=', true)
    .where(hasRoleSql({ facts: 's', staffId: 's.id', unit: 'u' }, ['section_head']))
    .select([
      's.id as staff_id',
      's.staff_number',
      's.family_name',
      's.given_name',
      'u.id as unit_id',
      'u.name_ja as unit_name_ja',
      'u.name_en as unit_name_en',
      's.oversight_unit_id',
      'o.name_ja as oversight_name_ja',
      'o.name_en as oversight_name_en',
    ]);
}

/**
 * Active section heads who oversee the unit (HR lists them in it, or an admin set it for them)
 * and those HR lists in it who oversee another unit instead, by kana.
 */
export async function listSectionHeadsOfUnit(
  db: Executor,
  unitId: number,
): Promise<SectionHeadRow[]> {
  return sectionHeads(db)
    .where((eb) =>
      eb.or([eb('s.org_unit_id', '=', unitId), eb('s.oversight_unit_id', '=', unitId)]),
    )
    .orderBy('s.family_name_kana')
    .orderBy('s.given_name_kana')
    .orderBy('s.staff_number')
    .execute();
}

/** One active section head, or undefined when the person is not one (or not active). */
export async function findSectionHead(
  db: Executor,
  staffId: number,
): Promise<SectionHeadRow | undefined> {
  return sectionHeads(db).where('s.id', '=', staffId).executeTakeFirst();
}

/** Sets the unit a person oversees as section head; null means their own unit. */
export async function setSectionHeadUnit(
  db: Executor,
  staffId: number,
  unitId: number | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ oversight_unit_id: unitId, updated_at: now })
    .where('id', '=', staffId)
    .execute();
}
