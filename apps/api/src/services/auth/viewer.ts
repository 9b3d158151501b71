import {
  findOrgUnitById,
  findStaffById,
  findUnitWithAncestors,
  listGrantedRoles,
  type Executor,
} from '@kenshu/db';
import { hrRolesOf, oversightPathsOf, type Role, type Viewer } from '@kenshu/domain';

/** Builds the access picture of an active person, or null if they cannot act (inactive, unknown). */
export async function loadViewer(db: Executor, staffId: number): Promise<Viewer | null> {
  const staff = await findStaffById(db, staffId);
  if (!staff || !staff.active) return null;
  const [granted, ancestors, headOf] = await Promise.all([
    listGrantedRoles(db, staffId),
    findUnitWithAncestors(db, staff.org_unit_id),
    staff.oversight_unit_id === null ? undefined : findOrgUnitById(db, staff.oversight_unit_id),
  ]);
  const roles = new Set<Role>([...hrRolesOf(staff), ...granted]);
  return {
    staffId,
    roles,
    unitPath: ancestors[0]?.path ?? '',
    oversightPaths: oversightPathsOf(roles, ancestors, headOf?.path),
  };
}
