import { HR_ROLES, type Role } from './access.ts';

/**
 * The employment types HR uses (正規, 非常勤, 賃金/アルバイト). The one list: the staff import,
 * the API contracts, course audiences and the reports all read it; the database's check
 * constraint on `staff` and `staff_membership` says the same, as a test proves.
 */
export const EMPLOYMENT_TYPES = ['regular', 'part_time', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export type HrRole = (typeof HR_ROLES)[number];

/** The column of a staff (or membership) row that carries each HR role, as HR sends it. */
export const HR_ROLE_FLAGS = {
  section_head: 'is_section_head',
  unit_security_officer: 'is_unit_security_officer',
  system_security_officer: 'is_system_security_officer',
  pjmo_member: 'is_pjmo_member',
} as const satisfies Record<HrRole, string>;
export type HrRoleFlag = (typeof HR_ROLE_FLAGS)[HrRole];

/** The HR flags of a staff or membership row. */
export type HrFlags = Readonly<Record<HrRoleFlag, boolean>>;

/** The roles a person's HR flags give them (admins may grant more). */
export function hrRolesOf(flags: HrFlags): HrRole[] {
  return HR_ROLES.filter((role) => flags[HR_ROLE_FLAGS[role]]);
}

/**
 * The subject groups of the ministry's annual report (表4): security officers (section heads
 * and unit security officers), system security officers and PJMO staff, and other staff. A
 * person in two groups counts in the first, so the groups add up to everyone.
 */
export const ROLE_GROUP_ORDER = ['security_officers', 'system_officers', 'other_staff'] as const;
export type RoleGroup = (typeof ROLE_GROUP_ORDER)[number];
export const ROLE_GROUPS = [
  { group: 'security_officers', roles: ['section_head', 'unit_security_officer'] },
  { group: 'system_officers', roles: ['system_security_officer', 'pjmo_member'] },
] as const satisfies readonly { group: RoleGroup; roles: readonly Role[] }[];

/** The report group of a person with these roles. */
export function roleGroupOf(roles: ReadonlySet<Role>): RoleGroup {
  return ROLE_GROUPS.find((g) => g.roles.some((r) => roles.has(r)))?.group ?? 'other_staff';
}
