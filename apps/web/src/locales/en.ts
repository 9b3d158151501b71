import type { Messages } from './ja.ts';
import { eLearningEn } from './e-learning.en.ts';
import { staffImportEn } from './staff-import.en.ts';
import { remindersEn } from './reminders.en.ts';
import { reportsEn } from './reports.en.ts';
import { sessionsEn } from './sessions.en.ts';
import { attendanceEn } from './attendance.en.ts';
import { teamEn } from './team.en.ts';
import { accountsEn } from './accounts.en.ts';
import { myTrainingEn } from './my-training.en.ts';
import { coursesEn } from './courses.en.ts';
import { organisationEn } from './organisation.en.ts';
import { auditLogEn } from './audit-log.en.ts';
import { mailEn } from './mail.en.ts';
import { shellEn } from './shell.en.ts';
import { authEn } from './auth.en.ts';
import { staffEn } from './staff.en.ts';
import { schedulingEn } from './scheduling.en.ts';
import { dashboardEn } from './dashboard.en.ts';
import { notificationsEn } from './notifications.en.ts';
import { paginationEn } from './pagination.en.ts';
import { sessionPhaseEn } from './session-phase.en.ts';

/** English. Typed against the Japanese catalogue, so a missing or extra key fails the build. */
export const en: Messages = {
  ...shellEn,
  auth: authEn,
  eLearning: eLearningEn,
  staffImport: staffImportEn,
  reports: reportsEn,
  reminders: remindersEn,
  attendance: attendanceEn,
  sessionPhase: sessionPhaseEn,
  pagination: paginationEn,
  dashboard: dashboardEn,
  organisation: organisationEn,
  staff: staffEn,
  accounts: accountsEn,
  auditLog: auditLogEn,
  myTraining: myTrainingEn,
  notifications: notificationsEn,
  sessions: sessionsEn,
  mail: mailEn,
  team: teamEn,
  courses: coursesEn,
  scheduling: schedulingEn,
};
