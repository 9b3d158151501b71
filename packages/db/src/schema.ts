import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written as Date or ISO strings and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when the insert leaves it out. */
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

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
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
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
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export type Role =
  | 'admin'
  | 'trainer'
  | 'section_head'
  | 'unit_security_officer'
  | 'system_security_officer'
  | 'pjmo_member';

export interface RoleGrantTable {
  staff_id: number;
  role: Role;
  granted_by: number | null;
  granted_at: TimestampDefault;
}

export interface CredentialTable {
  staff_id: number;
  password_hash: string;
  is_demo: Generated<boolean>;
  updated_at: TimestampDefault;
}

export interface AuthSessionTable {
  id: Generated<string>;
  token_hash: string;
  staff_id: number;
  csrf_token: string;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  ended_at: NullableTimestamp;
  user_agent: string | null;
  client_address: string | null;
}

export interface PasswordTokenTable {
  id: Generated<number>;
  token_hash: string;
  staff_id: number;
  created_by: number | null;
  created_at: TimestampDefault;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: TimestampDefault;
  locked_until: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: TimestampDefault;
  actor_staff_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
}

/** The whole database as Kysely sees it. Later migrations add their tables here. */
export interface DB {
  org_unit: OrgUnitTable;
  staff: StaffTable;
  role_grant: RoleGrantTable;
  credential: CredentialTable;
  auth_session: AuthSessionTable;
  password_token: PasswordTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
}

export type AuditLogEntry = Selectable<AuditLogTable>;
export type AuthSession = Selectable<AuthSessionTable>;

export type OrgUnit = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
