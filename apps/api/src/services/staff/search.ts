import type { StaffMember } from '@kenshu/contracts';
import {
  findOrgUnitById,
  findStaffById,
  grantedRolesOf,
  searchStaff as searchStaffRows,
  type Staff,
} from '@kenshu/db';
import {
  canSeePerson,
  canSeeUnit,
  forbidden,
  hrRolesOf,
  isAdmin,
  notFound,
  type Role,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

export interface SearchStaffInput {
  orgUnitId?: number | undefined;
  q?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * One page of the staff the viewer oversees (admins: everyone), optionally within one unit's
 * subtree. Asking for a unit outside one's oversight is refused, not silently emptied.
 */
export async function searchStaff({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SearchStaffInput;
}): Promise<{ items: StaffMember[]; total: number }> {
  const viewer = requireViewer(ctx);
  let subtreePaths: readonly string[] | undefined = isAdmin(viewer)
    ? undefined
    : viewer.oversightPaths;
  if (input.orgUnitId !== undefined) {
    const unit = await findOrgUnitById(ctx.db, input.orgUnitId);
    if (!unit) throw notFound('org unit');
    if (!canSeeUnit(viewer, unit.path))
      throw forbidden('This unit is outside the part of the organisation you oversee');
    subtreePaths = [unit.path];
  }
  const { rows, total } = await searchStaffRows(ctx.db, {
    subtreePaths,
    search: input.q || undefined,
    includeInactive: input.includeInactive,
    limit: input.limit,
    offset: input.offset,
  });
  const granted = await grantedRolesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toStaffMember(
        r,
        { id: r.org_unit_id, code: r.unit_code, nameJa: r.unit_name_ja, nameEn: r.unit_name_en },
        granted.get(r.id) ?? [],
      ),
    ),
    total,
  };
}

/** One staff member by id; someone the viewer may not see is "not found", not "forbidden". */
export async function getStaffMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<StaffMember> {
  const viewer = requireViewer(ctx);
  const staff = await findStaffById(ctx.db, input.id);
  const unit = staff && (await findOrgUnitById(ctx.db, staff.org_unit_id));
  if (!staff || !unit || !canSeePerson(viewer, { staffId: staff.id, unitPath: unit.path })) {
    throw notFound('staff member');
  }
  const granted = await grantedRolesOf(ctx.db, [staff.id]);
  return toStaffMember(
    staff,
    { id: unit.id, code: unit.code, nameJa: unit.name_ja, nameEn: unit.name_en },
    granted.get(staff.id) ?? [],
  );
}

export function toStaffMember(
  s: Staff,
  orgUnit: StaffMember['orgUnit'],
  grantedRoles: Role[],
): StaffMember {
  return {
    id: s.id,
    staffNumber: s.staff_number,
    familyName: s.family_name,
    givenName: s.given_name,
    familyNameKana: s.family_name_kana,
    givenNameKana: s.given_name_kana,
    email: s.email,
    orgUnit,
    employmentType: s.employment_type,
    active: s.active,
    locale: s.locale,
    roles: [...new Set([...hrRolesOf(s), ...grantedRoles])].sort(),
  };
}
