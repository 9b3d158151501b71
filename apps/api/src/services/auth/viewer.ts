import {
  findStaffById,
  findUnitWithAncestors,
  listGrantedRoles,
  type Executor,
  type Staff,
} from '@kenshu/db';
import { oversightPathsOf, type Role, type Viewer } from '@kenshu/domain';

/** Roles a person holds: the HR flags on their record plus what admins granted. */
export function hrRolesOf(staff: Staff): Role[] {
  const roles: Role[] = [];
  if (staff.is_section_head) roles.push('section_head');
  if (staff.is_unit_security_officer) roles.push('unit_security_officer');
  if (staff.is_system_security_officer) roles.push('system_security_officer');
  if (staff.is_pjmo_member) roles.push('pjmo_member');
  return roles;
}

/** Builds the access picture of an active person, or null if they cannot act (inactive, unknown). */
export async function loadViewer(db: Executor, staffId: number): Promise<Viewer | null> {
  const staff = await findStaffById(db, staffId);
  if (!staff || !staff.active) return null;
  const [granted, ancestors] = await Promise.all([
    listGrantedRoles(db, staffId),
    findUnitWithAncestors(db, staff.org_unit_id),
  ]);
  const roles = new Set<Role>([...hrRolesOf(staff), ...granted]);
  return {
    staffId,
    roles,
    unitPath: ancestors[0]?.path ?? '',
    oversightPaths: oversightPathsOf(roles, ancestors),
  };
}
