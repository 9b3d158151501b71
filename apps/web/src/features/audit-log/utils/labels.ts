/** Words for the audit log's codes; a code without words is shown as it is. */
export const ACTION_LABELS = {
  'account.created': 'auditLog.actions.accountCreated',
  'account.roles_changed': 'auditLog.actions.accountRolesChanged',
  'account.password_link_issued': 'auditLog.actions.accountPasswordLinkIssued',
  'account.password_set': 'auditLog.actions.accountPasswordSet',
  'account.admin_bootstrapped': 'auditLog.actions.accountAdminBootstrapped',
  'roster.imported': 'auditLog.actions.rosterImported',
  'session.created': 'auditLog.actions.sessionCreated',
  'session.updated': 'auditLog.actions.sessionUpdated',
  'session.cancelled': 'auditLog.actions.sessionCancelled',
  'course.created': 'auditLog.actions.courseCreated',
  'course.updated': 'auditLog.actions.courseUpdated',
  'attendance.marked': 'auditLog.actions.attendanceMarked',
  'completion.credited': 'auditLog.actions.completionCredited',
  'booking.created_on_behalf': 'auditLog.actions.bookingCreatedOnBehalf',
} as const;

export type KnownAction = keyof typeof ACTION_LABELS;

export function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(ACTION_LABELS, action);
}

export const TARGET_TYPES = [
  'staff',
  'session',
  'booking',
  'course',
  'module',
  'roster_import',
] as const;

export type KnownTargetType = (typeof TARGET_TYPES)[number];

export function isKnownTargetType(type: string): type is KnownTargetType {
  return TARGET_TYPES.some((known) => known === type);
}
