import {
  findOrgUnitById,
  findStaffById,
  listGrantedRoles,
  resolveAudience,
  type Course,
  type Executor,
} from '@kenshu/db';
import {
  courseRequiresAnyone,
  hrRolesOf,
  isInAudience,
  type Audience,
  type AudienceMember,
  type Role,
} from '@kenshu/domain';

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

/**
 * Who a course requires, ready for the one-person check (`isInAudience`) or the database's
 * (`inAudienceSql`); null when the course requires no one at all.
 */
export async function requiredAudienceOf(
  db: Executor,
  course: Pick<Course, 'active' | 'published_at' | 'audience'>,
): Promise<Audience | null> {
  if (!courseRequiresAnyone({ active: course.active, published: course.published_at !== null }))
    return null;
  return resolveAudience(db, course.audience);
}

export async function isRequired(
  db: Executor,
  course: Pick<Course, 'active' | 'published_at' | 'audience'>,
  member: AudienceMember,
): Promise<boolean> {
  const audience = await requiredAudienceOf(db, course);
  return audience !== null && isInAudience(audience, member);
}
