import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { Role } from '../schema.ts';

/** Roles an admin granted to a person (HR roles are on the staff record). */
export async function listGrantedRoles(db: Executor, staffId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select('role')
    .where('staff_id', '=', staffId)
    .execute();
  return rows.map((r) => r.role);
}

/** Granted roles for many people at once, keyed by staff id. */
export async function grantedRolesOf(
  db: Executor,
  staffIds: number[],
): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (staffIds.length === 0) return map;
  const rows = await db
    .selectFrom('role_grant')
    .select(['staff_id', 'role'])
    .where('staff_id', 'in', staffIds)
    .execute();
  for (const r of rows) map.set(r.staff_id, [...(map.get(r.staff_id) ?? []), r.role]);
  return map;
}

/**
 * Replaces a person's granted roles with exactly `roles`. Roles kept keep their grant date, so
 * a past year's report still sees who held them then.
 */
export async function replaceGrantedRoles(
  db: Executor,
  staffId: number,
  roles: readonly Role[],
  grantedBy: number | null,
): Promise<void> {
  let removed = db.deleteFrom('role_grant').where('staff_id', '=', staffId);
  if (roles.length > 0) removed = removed.where('role', 'not in', roles);
  await removed.execute();
  if (roles.length === 0) return;
  await db
    .insertInto('role_grant')
    .values(roles.map((role) => ({ staff_id: staffId, role, granted_by: grantedBy })))
    .onConflict((oc) => oc.columns(['staff_id', 'role']).doNothing())
    .execute();
}

export async function grantRoles(
  db: Executor,
  grants: { staff_id: number; role: Role }[],
  grantedBy: number | null,
): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insertInto('role_grant')
    .values(grants.map((g) => ({ ...g, granted_by: grantedBy })))
    .onConflict((oc) => oc.columns(['staff_id', 'role']).doNothing())
    .execute();
}

/** Active people who hold the admin role. */
export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('role_grant')
    .innerJoin('staff', 'staff.id', 'role_grant.staff_id')
    .select(sql<number>`count(*)`.as('count'))
    .where('role_grant.role', '=', 'admin')
    .where('staff.active', '=', true)
    .executeTakeFirstOrThrow();
  return row.count;
}
