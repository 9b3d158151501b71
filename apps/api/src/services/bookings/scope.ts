import { findOrgUnitById, findStaffById, type Executor } from '@kenshu/db';
import { canSeePerson, forbidden, isAdmin, notFound, oversees, type Viewer } from '@kenshu/domain';

/**
 * Checks that the viewer may book or cancel for this person: themself, someone in the subtree they
 * oversee as section head or unit officer, or anyone for an admin. `reachedThrough` names what
 * the caller asked for: a booking of someone out of reach is "booking not found", so the answer
 * does not even say that the booking exists or whose it is.
 */
export async function assertMayActFor(
  db: Executor,
  viewer: Viewer,
  staffId: number,
  reachedThrough: 'staff member' | 'booking' = 'staff member',
): Promise<void> {
  if (staffId === viewer.staffId || isAdmin(viewer)) {
    if (!(await findStaffById(db, staffId))) throw notFound(reachedThrough);
    return;
  }
  const staff = await findStaffById(db, staffId);
  const unit = staff && (await findOrgUnitById(db, staff.org_unit_id));
  if (!staff || !unit || !canSeePerson(viewer, { staffId, unitPath: unit.path })) {
    // Someone outside one's oversight is not even confirmed to exist.
    throw notFound(reachedThrough);
  }
  if (!oversees(viewer))
    throw forbidden('Only section heads, unit security officers and admins book for others');
}
