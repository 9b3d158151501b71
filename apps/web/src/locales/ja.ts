import { eLearningJa } from './e-learning.ja.ts';
import { staffImportJa } from './staff-import.ja.ts';
import { remindersJa } from './reminders.ja.ts';
import { reportsJa } from './reports.ja.ts';
import { sessionsJa } from './sessions.ja.ts';
import { attendanceJa } from './attendance.ja.ts';
import { teamJa } from './team.ja.ts';
import { accountsJa } from './accounts.ja.ts';
import { myTrainingJa } from './my-training.ja.ts';
import { coursesJa } from './courses.ja.ts';
import { organisationJa } from './organisation.ja.ts';
import { auditLogJa } from './audit-log.ja.ts';
import { mailJa } from './mail.ja.ts';
import { shellJa } from './shell.ja.ts';
import { authJa } from './auth.ja.ts';
import { staffJa } from './staff.ja.ts';
import { schedulingJa } from './scheduling.ja.ts';
import { dashboardJa } from './dashboard.ja.ts';
import { notificationsJa } from './notifications.ja.ts';
import { paginationJa } from './pagination.ja.ts';
import { sessionPhaseJa } from './session-phase.ja.ts';

/** Japanese, the default language. Its shape is the shape every other language must have. */
export const ja = {
  ...shellJa,
  auth: authJa,
  eLearning: eLearningJa,
  staffImport: staffImportJa,
  reports: reportsJa,
  reminders: remindersJa,
  attendance: attendanceJa,
  sessionPhase: sessionPhaseJa,
  pagination: paginationJa,
  dashboard: dashboardJa,
  organisation: organisationJa,
  staff: staffJa,
  accounts: accountsJa,
  auditLog: auditLogJa,
  myTraining: myTrainingJa,
  notifications: notificationsJa,
  sessions: sessionsJa,
  mail: mailJa,
  team: teamJa,
  courses: coursesJa,
  scheduling: schedulingJa,
};

/** The catalogue every language provides: the same keys as Japanese, each a string. */
export type Messages = typeof ja;
