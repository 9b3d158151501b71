import type { EmploymentType, Role } from '@kenshu/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type { EmploymentType, Role };

/** Timestamps are written as Date or ISO strings and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when the insert leaves it out. */
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type OrgUnitKind =
  'ministry' | 'bureau' | 'agency' | 'regional_office' | 'division' | 'section';
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
  /**
   * False for units (and their subtrees) that cannot reach group sessions, e.g. regional offices.
   */
  has_group_sessions: Generated<boolean>;
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
  /**
   * The unit this person oversees as section head, when an admin set one other than their own
   * (a head HR lists in a 係 who runs the whole 課); null means their own unit.
   */
  oversight_unit_id: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

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
  /** How the session began. */
  method: Generated<SignInMethod>;
  /** Single sign-on: the provider's ID token, handed back at sign-out; never sent to browsers. */
  id_token: string | null;
}

export type SignInMethod = 'password' | 'sso';

/** A single sign-on started at the provider and not yet back (migration 2026-12-10T01). */
export interface SsoLoginStateTable {
  state_hash: string;
  /**
   * Hash of the random value in the browser's sign-in cookie: the callback must come back to it.
   */
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  /** The validated page to open afterwards. */
  next_path: string | null;
  created_at: TimestampDefault;
  expires_at: Timestamp;
}

/** The one row of sign-in settings. */
export interface SignInSettingTable {
  id: Generated<boolean>;
  sso_required: Generated<boolean>;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

/** An admin account that may sign in with a password while single sign-on is required. */
export interface BreakGlassAccountTable {
  staff_id: number;
  marked_by: number | null;
  marked_at: TimestampDefault;
}

export interface PasswordTokenTable {
  id: Generated<number>;
  token_hash: string;
  staff_id: number;
  created_by: number | null;
  created_at: TimestampDefault;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  /** Set when a newer link was issued or another link of the person's was used. */
  revoked_at: NullableTimestamp;
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
export type CompletionKind = 'attended' | 'e_learning' | 'credited' | 'withdrawn';
export type AttendanceMark = 'present' | 'late' | 'absent' | 'excused';

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
  /** Whether people excused from a session get the e-learning at finalise, like the absent. */
  excused_get_e_learning: Generated<boolean>;
  /** When an admin published it; null while a draft, which requires nobody. */
  published_at: NullableTimestamp;
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
  finalised_at: NullableTimestamp;
  finalised_by: number | null;
  check_in_secret: string | null;
  status: Generated<'scheduled' | 'cancelled'>;
  cancel_reason: string | null;
  cancelled_at: NullableTimestamp;
  /** Set when an admin recorded the session after it took place (from a paper sign-in sheet). */
  recorded_at: NullableTimestamp;
  recorded_reason: string | null;
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
  /** Set when the session's attendance sheet was finalised: the booking is history from then on. */
  closed_at: NullableTimestamp;
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
  withdraws_completion_id: Generated<number | null>;
}

export interface AttendanceTable {
  session_id: number;
  staff_id: number;
  booking_id: number | null;
  mark: AttendanceMark;
  note: string | null;
  is_walk_in: Generated<boolean>;
  via: 'trainer' | 'check_in' | 'no_show' | 'admin';
  checked_in_at: NullableTimestamp;
  marked_by: number | null;
  marked_at: TimestampDefault;
}

export interface CheckInAttemptTable {
  session_id: number;
  staff_id: number;
  wrong_codes: Generated<number>;
  last_wrong_at: NullableTimestamp;
}

export type CheckInRequestStatus = 'pending' | 'accepted' | 'rejected';

export interface CheckInRequestTable {
  session_id: number;
  staff_id: number;
  status: CheckInRequestStatus;
  requested_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: number | null;
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

/**
 * One applied staff import. The table keeps the import's earlier name: the audit log's target
 * type `roster_import` names it, and audit rows are never rewritten.
 */
export interface StaffImportTable {
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
  roster_import: StaffImportTable;
  course: CourseTable;
  training_session: TrainingSessionTable;
  session_trainer: SessionTrainerTable;
  booking: BookingTable;
  booking_event: BookingEventTable;
  completion: CompletionTable;
  attendance: AttendanceTable;
  check_in_attempt: CheckInAttemptTable;
  check_in_request: CheckInRequestTable;
  notification: NotificationTable;
  calendar_feed: CalendarFeedTable;
  org_unit: OrgUnitTable;
  staff: StaffTable;
  role_grant: RoleGrantTable;
  credential: CredentialTable;
  auth_session: AuthSessionTable;
  sso_login_state: SsoLoginStateTable;
  sign_in_setting: SignInSettingTable;
  break_glass_account: BreakGlassAccountTable;
  password_token: PasswordTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  module: ModuleTable;
  module_version: ModuleVersionTable;
  module_section: ModuleSectionTable;
  module_question: ModuleQuestionTable;
  module_image: ModuleImageTable;
  module_progress: ModuleProgressTable;
  scorm_package: ScormPackageTable;
  scorm_runtime: ScormRuntimeTable;
  quiz_attempt: QuizAttemptTable;
  assignment: AssignmentTable;
  assignment_rule: AssignmentRuleTable;
  course_window: CourseWindowTable;
  mail_outbox: MailOutboxTable;
  message_template: MessageTemplateTable;
  mail_opt_out: MailOptOutTable;
  reminder_schedule: ReminderScheduleTable;
  reminder_progress: ReminderProgressTable;
  reminder_setting: ReminderSettingTable;
  reminder_run: ReminderRunTable;
  report_setting: ReportSettingTable;
  audit_sample: AuditSampleTable;
  audit_sample_item: AuditSampleItemTable;
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

// E-learning: modules, progress, quiz attempts and assignments (migration T06).

export type ModuleVersionStatus = 'draft' | 'published';
/** 'scorm': the package's runtime status decides (a SCORM version has no sections or quiz). */
export type CompletionRule = 'all_sections_viewed' | 'quiz_passed' | 'both' | 'scorm';
export type QuestionKind = 'single' | 'multiple';
export type AssignmentStatus = 'open' | 'completed' | 'withdrawn';
export type AssignmentSource =
  'absent' | 'excused' | 'window_closed' | 'no_group_access' | 'manual' | 'assigned_now';
/** The automatic rules an admin switches per course (excused people follow the absent rule). */
export type AssignmentRuleName = Exclude<AssignmentSource, 'manual' | 'excused' | 'assigned_now'>;

export interface ModuleTable {
  id: Generated<number>;
  course_id: number;
  created_by: number | null;
  created_at: TimestampDefault;
}

export interface ModuleVersionTable {
  id: Generated<number>;
  module_id: number;
  version: number;
  status: ModuleVersionStatus;
  title_ja: string;
  title_en: string;
  video_url: string | null;
  pass_mark: number;
  shuffle: Generated<boolean>;
  /** null: unlimited attempts. */
  attempt_limit: number | null;
  /** Show the correct answers after a pass or after the last allowed attempt (never before). */
  reveal_answers: Generated<boolean>;
  completion_rule: CompletionRule;
  created_by: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  published_at: NullableTimestamp;
  published_by: number | null;
  /** Set exactly when completion_rule is 'scorm': the package this version plays. */
  scorm_package_id: number | null;
}

export type ScormVersion = '1.2' | '2004';

/** An imported SCORM package; its files are under the content folder's `storage_key`. */
export interface ScormPackageTable {
  id: Generated<number>;
  module_id: number;
  storage_key: string;
  scorm_version: ScormVersion;
  title: string;
  launch_path: string;
  /** 1.2: adlcp:masteryscore (0–100); 2004: imsss:minNormalizedMeasure (-1…1). */
  passing_score: number | null;
  file_count: number;
  unpacked_bytes: number;
  created_by: number | null;
  created_at: TimestampDefault;
}

/** What a package's runtime last committed for one learner's progress. */
export interface ScormRuntimeTable {
  progress_id: number;
  lesson_status: string | null;
  completion_status: string | null;
  success_status: string | null;
  score_raw: number | null;
  score_min: number | null;
  score_max: number | null;
  score_scaled: number | null;
  /** The score as a percentage, for reports and audit evidence. */
  score: number | null;
  location: Generated<string>;
  suspend_data: Generated<string>;
  commits: Generated<number>;
  updated_at: TimestampDefault;
}

export interface ModuleSectionTable {
  id: Generated<number>;
  module_version_id: number;
  position: number;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  html_ja: string;
  html_en: string;
}

/** One answer option of a quiz question; its id is its index in the question's list. */
export interface QuestionOption {
  ja: string;
  en: string;
}

export interface ModuleQuestionTable {
  id: Generated<number>;
  module_version_id: number;
  position: number;
  kind: QuestionKind;
  text_ja: string;
  text_en: string;
  options: ColumnType<QuestionOption[], string, string>;
  correct: ColumnType<number[], string, string>;
  explanation_ja: Generated<string>;
  explanation_en: Generated<string>;
}

export interface ModuleImageTable {
  id: Generated<number>;
  module_id: number;
  content_type: string;
  bytes: Uint8Array;
  size: number;
  created_by: number | null;
  created_at: TimestampDefault;
}

export interface ModuleProgressTable {
  id: Generated<number>;
  staff_id: number;
  module_id: number;
  fiscal_year: number;
  module_version_id: number;
  viewed_section_ids: ColumnType<number[], string | undefined, string>;
  last_section_id: number | null;
  started_at: TimestampDefault;
  updated_at: TimestampDefault;
  completed_at: NullableTimestamp;
}

/** What an attempt showed, in order: each question and the order of its options. */
export interface AttemptQuestionOrder {
  questionId: number;
  optionOrder: number[];
}

/** A submitted answer: the chosen option ids of one question. */
export interface AttemptAnswer {
  questionId: number;
  optionIds: number[];
}

export interface QuizAttemptTable {
  id: Generated<number>;
  progress_id: number;
  staff_id: number;
  module_version_id: number;
  question_order: ColumnType<AttemptQuestionOrder[], string, never>;
  answers: ColumnType<AttemptAnswer[] | null, string | null | undefined, string | null>;
  score: number | null;
  passed: boolean | null;
  started_at: TimestampDefault;
  submitted_at: NullableTimestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  staff_id: number;
  course_id: number;
  fiscal_year: number;
  module_id: number;
  /** 'YYYY-MM-DD' */
  due_on: string;
  status: Generated<AssignmentStatus>;
  source: AssignmentSource;
  reason: string | null;
  session_id: number | null;
  created_by: number | null;
  created_at: TimestampDefault;
  closed_at: NullableTimestamp;
  closed_by: number | null;
  withdraw_reason: string | null;
}

export interface AssignmentRuleTable {
  course_id: number;
  rule: AssignmentRuleName;
  enabled: Generated<boolean>;
  due_days: Generated<number>;
  updated_at: TimestampDefault;
}

export interface CourseWindowTable {
  course_id: number;
  fiscal_year: number;
  /** 'YYYY-MM-DD' */
  closes_on: string;
}

export type Module = Selectable<ModuleTable>;
export type ModuleVersion = Selectable<ModuleVersionTable>;
export type ModuleSection = Selectable<ModuleSectionTable>;
export type ModuleQuestion = Selectable<ModuleQuestionTable>;
export type ModuleProgress = Selectable<ModuleProgressTable>;
export type ScormPackage = Selectable<ScormPackageTable>;
export type NewScormPackage = Insertable<ScormPackageTable>;
export type ScormRuntime = Selectable<ScormRuntimeTable>;
export type QuizAttempt = Selectable<QuizAttemptTable>;
export type Assignment = Selectable<AssignmentTable>;

// E-mail and reminders (migration 2026-12-05T20).

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'no_address' | 'opted_out';

/** One iCalendar part of an e-mail. */
export interface MailCalendarPart {
  method: 'REQUEST' | 'CANCEL';
  ics: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  /** Why it is sent and for which period: one message per (staff_id, reason, period). */
  reason: string;
  period: string;
  to_address: string;
  locale: Locale;
  subject: string;
  body: string;
  calendar: ColumnType<MailCalendarPart[], string | undefined, string>;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: TimestampDefault;
  claimed_until: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: TimestampDefault;
}

export interface MessageTemplateTable {
  kind: string;
  locale: Locale;
  subject: string;
  body: string;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

export interface MailOptOutTable {
  staff_id: number;
  kind: string;
  created_at: TimestampDefault;
}

export interface ReminderScheduleTable {
  course_id: number;
  enabled: boolean;
  days_before: number[];
  on_due_date: boolean;
  overdue_every_days: number;
  escalate_after: number;
  officer_after: number;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

export interface ReminderProgressTable {
  staff_id: number;
  course_id: number;
  fiscal_year: number;
  /** 'YYYY-MM-DD' */
  due_on: string;
  last_stage: string;
  /** 'YYYY-MM-DD' */
  last_reminded_on: string;
  overdue_reminders: Generated<number>;
  escalation: Generated<number>;
}

// Reminder settings and runs (migration 2026-12-07T02).

/** The one row of admins' reminder settings; null columns follow the configuration. */
export interface ReminderSettingTable {
  id: Generated<boolean>;
  cap_days: number | null;
  hours_from: string | null;
  hours_until: string | null;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

/** One day's scheduled reminder run. */
export interface ReminderRunTable {
  /** 'YYYY-MM-DD' Tokyo. */
  day: string;
  ran_at: Date;
  digests: number;
  escalations: number;
  capped: number;
  /** People escalated with no section head or officer above them to tell. */
  nobody_to_tell: Generated<number>;
  /** People (reminded or told of others) with no e-mail address: told in the app only. */
  no_address: Generated<number>;
}

export type MailOutboxRow = Selectable<MailOutboxTable>;
export type ReminderSchedule = Selectable<ReminderScheduleTable>;
export type ReminderRunRow = Selectable<ReminderRunTable>;
export type ReminderProgress = Selectable<ReminderProgressTable>;
// Reports: settings and saved audit samples (migration 2026-12-06T10).

/** The one row of report settings. */
export interface ReportSettingTable {
  id: Generated<boolean>;
  /** Attainment thresholds in whole percent, highest first. */
  attainment_thresholds: ColumnType<number[], number[] | undefined, number[]>;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

/** An audit sample as drawn; never edited. */
export interface AuditSampleTable {
  id: Generated<number>;
  fiscal_year: number;
  course_id: number;
  /** The scope's unit; null for the whole ministry. */
  org_unit_id: number | null;
  seed: string;
  population: number;
  sample_size: number;
  drawn_by: number;
  drawn_at: TimestampDefault;
}

export interface AuditSampleItemTable {
  sample_id: number;
  /** 1-based, in draw order. */
  position: number;
  staff_id: number;
  completion_id: number;
}

export type AuditSample = Selectable<AuditSampleTable>;
