import {
  findOrgUnitById,
  findStaffById,
  listGrantedRoles,
  type Course,
  type Executor,
} from '@kenshu/db';
import { isInAudience, type Audience, type AudienceMember, type Role } from '@kenshu/domain';
import { hrRolesOf } from '../auth/viewer.ts';

/** The facts about one person that course audiences look at. */
export async function audienceMemberOf(
  db: Executor,
  staffId: number,
): Promise<AudienceMember | undefined> {
  const staff = await findStaffById(db, staffId);
  if (!staff) return undefined;
  const [unit, granted] = await Promise.all([
    findOrgUnitById(db, staff.org_unit_id),
    listGrantedRoles(db, staffId),
  ]);
  return {
    roles: new Set<Role>([...hrRolesOf(staff), ...granted]),
    unitPath: unit?.path ?? '',
    employmentType: staff.employment_type,
    active: staff.active,
  };
}

/** A stored audience with unit ids turned into the subtree paths the rule compares against. */
export async function resolveAudience(db: Executor, course: Course): Promise<Audience> {
  const a = course.audience;
  if (a.kind !== 'rule') return a;
  const units = a.unitIds.length
    ? await db.selectFrom('org_unit').select('path').where('id', 'in', a.unitIds).execute()
    : [];
  return {
    kind: 'rule',
    roles: a.roles,
    unitPaths: units.map((u) => u.path),
    employmentTypes: a.employmentTypes,
  };
}

export async function isRequired(
  db: Executor,
  course: Course,
  member: AudienceMember,
): Promise<boolean> {
  return course.active && isInAudience(await resolveAudience(db, course), member);
}
