/**
 * Every action the audit log records, and every kind of thing an entry is about. Writing an
 * audit row takes one of these codes (the type says so), and the web app must label each one in
 * both languages: a test walks this list and the source, so a new code cannot appear unlabelled.
 */
export const AUDIT_ACTIONS = [
  'account.admin_bootstrapped',
  'account.break_glass_changed',
  'account.created',
  'account.password_link_issued',
  'account.password_set',
  'account.roles_changed',
  'assignment.assigned_now',
  'assignment.created',
  'assignment.withdrawn',
  'assignment_settings.saved',
  'attendance.auto_finalised',
  'attendance.checked_in',
  'attendance.check_in_requested',
  'attendance.check_in_request_accepted',
  'attendance.check_in_request_rejected',
  'attendance.finalised',
  'attendance.marked',
  'attendance.marked_unmarked_present',
  'attendance.walk_in',
  'auth.sso_refused',
  'auth.sso_signed_in',
  'booking.cancelled_after_cutoff',
  'booking.cancelled_on_behalf',
  'booking.created_on_behalf',
  'booking.moved_on_behalf',
  'completion.credited',
  'course.created',
  'course.published',
  'course.updated',
  'mail.retried',
  'module.created',
  'module.image_uploaded',
  'module.package_imported',
  'module.published',
  'module.saved',
  'org_unit.group_sessions_changed',
  'message_template.reset',
  'message_template.saved',
  'reminder_schedule.saved',
  'reminder_settings.saved',
  'reminders.run_now',
  'reminders.sent',
  'report.sample_drawn',
  'report_settings.saved',
  // A staff import; the code keeps the import's earlier name, as recorded rows carry it.
  'roster.imported',
  'section_head.oversight_changed',
  'session.cancelled',
  'session.created',
  'session.recorded',
  'session.series_created',
  'session.updated',
  'sign_in_settings.saved',
] as const;

/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}

/** What an audit entry can be about; the log shows each by its name, with a link. */
export const AUDIT_TARGET_TYPES = [
  'staff',
  'session',
  'booking',
  'course',
  'module',
  // A staff import (its table keeps the earlier name too).
  'roster_import',
  'org_unit',
] as const;

/** One of {@link AUDIT_TARGET_TYPES}. */
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export function isAuditTargetType(type: string): type is AuditTargetType {
  return (AUDIT_TARGET_TYPES as readonly string[]).includes(type);
}
