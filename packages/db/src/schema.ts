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

export type CompletionModes = 'group_session' | 'e_learning' | 'either';
export type BookingStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type CompletionKind = 'attended' | 'e_learning' | 'credited';

export interface CourseTable {
  id: Generated<number>;
  code: string;
  title_ja: string;
  title_en: string;
  description_ja: Generated<string>;
  description_en: Generated<string>;
  audience: ColumnType<CourseAudience, string, string>;
  completion_modes: CompletionModes;
  recurrence: Generated<'yearly'>;
  active: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** Stored shape of a course audience (see @kenshu/domain's Audience). */
export type CourseAudience =
  | { kind: 'all_staff' }
  | { kind: 'section_heads' }
  | { kind: 'pjmo_members' }
  | { kind: 'rule'; roles: Role[]; unitIds: number[]; employmentTypes: EmploymentType[] };

export interface TrainingSessionTable {
  id: Generated<number>;
  course_id: number;
  fiscal_year: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue: string | null;
  online_url: string | null;
  capacity: number;
  seats_taken: Generated<number>;
  booking_opens_at: Timestamp;
  booking_cutoff_at: Timestamp;
  min_attendance: number | null;
  status: Generated<'scheduled' | 'cancelled'>;
  cancel_reason: string | null;
  cancelled_at: NullableTimestamp;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface SessionTrainerTable {
  session_id: number;
  staff_id: number;
}

export interface BookingTable {
  id: Generated<number>;
  uid: Generated<string>;
  session_id: number;
  course_id: number;
  fiscal_year: number;
  staff_id: number;
  status: BookingStatus;
  queued_at: TimestampDefault;
  booked_by: number | null;
  cancelled_at: NullableTimestamp;
  cancelled_by: number | null;
  cancel_reason: string | null;
  sequence: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface BookingEventTable {
  id: Generated<number>;
  booking_id: number;
  at: TimestampDefault;
  action: string;
  actor_staff_id: number | null;
  details: ColumnType<unknown, string | null, never>;
}

export interface CompletionTable {
  id: Generated<number>;
  staff_id: number;
  course_id: number;
  fiscal_year: number;
  kind: CompletionKind;
  session_id: number | null;
  source_ref: string | null;
  reason: string | null;
  recorded_by: number | null;
  recorded_at: TimestampDefault;
}

export interface NotificationTable {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: TimestampDefault;
  read_at: NullableTimestamp;
}

export interface CalendarFeedTable {
  staff_id: number;
  token_hash: string;
  created_at: TimestampDefault;
}

/** Where a person worked and which HR roles they held, by date; valid_to null = current. */
export interface StaffMembershipTable {
  id: Generated<number>;
  staff_id: number;
  org_unit_id: number;
  employment_type: EmploymentType;
  is_section_head: boolean;
  is_unit_security_officer: boolean;
  is_system_security_officer: boolean;
  is_pjmo_member: boolean;
  /** 'YYYY-MM-DD' */
  valid_from: string;
  /** 'YYYY-MM-DD', exclusive; null while current. */
  valid_to: string | null;
}

/** One applied HR roster import. */
export interface RosterImportTable {
  id: Generated<number>;
  checksum: string;
  file_name: string | null;
  mode: 'full' | 'partial';
  effective_date: string;
  counts: ColumnType<unknown, string, never>;
  applied_by: number;
  applied_at: TimestampDefault;
}

/** The whole database as Kysely sees it. Later migrations add their tables here. */
export interface DB {
  staff_membership: StaffMembershipTable;
  roster_import: RosterImportTable;
  course: CourseTable;
  training_session: TrainingSessionTable;
  session_trainer: SessionTrainerTable;
  booking: BookingTable;
  booking_event: BookingEventTable;
  completion: CompletionTable;
  notification: NotificationTable;
  calendar_feed: CalendarFeedTable;
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
export type Course = Selectable<CourseTable>;
export type TrainingSession = Selectable<TrainingSessionTable>;
export type Booking = Selectable<BookingTable>;
export type StaffMembership = Selectable<StaffMembershipTable>;
