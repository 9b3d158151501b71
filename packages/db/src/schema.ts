import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written as Date or ISO strings and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgUnitKind = 'ministry' | 'bureau' | 'regional_office' | 'division' | 'section';
export type EmploymentType = 'regular' | 'part_time' | 'temporary';
export type Locale = 'ja' | 'en';

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  parent_id: number | null;
  kind: OrgUnitKind;
  name_ja: string;
  name_en: string;
  path: string;
  depth: number;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface StaffTable {
  id: Generated<number>;
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  email: string;
  org_unit_id: number;
  employment_type: EmploymentType;
  active: Generated<boolean>;
  locale: Generated<Locale>;
  is_section_head: Generated<boolean>;
  is_unit_security_officer: Generated<boolean>;
  is_system_security_officer: Generated<boolean>;
  is_pjmo_member: Generated<boolean>;
  is_trainer: Generated<boolean>;
  is_admin: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** The whole database as Kysely sees it. Later migrations add their tables here. */
export interface DB {
  org_unit: OrgUnitTable;
  staff: StaffTable;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
