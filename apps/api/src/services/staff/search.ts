import type { StaffMember } from '@kenshu/contracts';
import {
  findOrgUnitById,
  findStaffById,
  searchStaff as searchStaffRows,
  type Staff,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';

export interface SearchStaffInput {
  orgUnitId?: number | undefined;
  q?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

/** One page of staff, optionally limited to an organisation subtree. */
export async function searchStaff({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SearchStaffInput;
}): Promise<{ items: StaffMember[]; total: number }> {
  let subtreePath: string | undefined;
  if (input.orgUnitId !== undefined) {
    const unit = await findOrgUnitById(ctx.db, input.orgUnitId);
    if (!unit) throw notFound('org unit', { orgUnitId: input.orgUnitId });
    subtreePath = unit.path;
  }
  const { rows, total } = await searchStaffRows(ctx.db, {
    subtreePath,
    search: input.q || undefined,
    includeInactive: input.includeInactive,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    items: rows.map((r) =>
      toStaffMember(r, {
        id: r.org_unit_id,
        code: r.unit_code,
        nameJa: r.unit_name_ja,
        nameEn: r.unit_name_en,
      }),
    ),
    total,
  };
}

/** One staff member by id. */
export async function getStaffMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<StaffMember> {
  const staff = await findStaffById(ctx.db, input.id);
  if (!staff) throw notFound('staff member', { id: input.id });
  const unit = await findOrgUnitById(ctx.db, staff.org_unit_id);
  if (!unit) throw notFound('org unit', { orgUnitId: staff.org_unit_id });
  return toStaffMember(staff, {
    id: unit.id,
    code: unit.code,
    nameJa: unit.name_ja,
    nameEn: unit.name_en,
  });
}

export function toStaffMember(s: Staff, orgUnit: StaffMember['orgUnit']): StaffMember {
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
    roles: {
      sectionHead: s.is_section_head,
      unitSecurityOfficer: s.is_unit_security_officer,
      systemSecurityOfficer: s.is_system_security_officer,
      pjmoMember: s.is_pjmo_member,
      trainer: s.is_trainer,
      admin: s.is_admin,
    },
  };
}
