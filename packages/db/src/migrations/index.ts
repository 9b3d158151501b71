import type { Migration, MigrationProvider } from 'kysely/migration';
import * as foundation from './2026-11-26T01-foundation.ts';
import * as signInAndAudit from './2026-11-26T02-sign-in-and-audit.ts';
import * as coursesSessionsBookings from './2026-11-26T03-courses-sessions-bookings.ts';
import * as rosterHistory from './2026-11-26T04-roster-history.ts';
import * as attendance from './2026-11-26T05-attendance.ts';
import * as eLearning from './2026-11-26T06-e-learning.ts';
import * as mailAndReminders from './2026-12-05T20-mail-and-reminders.ts';
import * as reports from './2026-12-06T10-reports.ts';
import * as bookingHistory from './2026-12-06T11-booking-history.ts';
import * as passwordLinkRevocation from './2026-12-06T20-password-link-revocation.ts';
import * as quizAnswerReveal from './2026-12-06T21-quiz-answer-reveal.ts';
import * as eLearningForEveryNonAttendee from './2026-12-07T01-e-learning-for-every-non-attendee.ts';
import * as reminderSettingsAndRuns from './2026-12-07T02-reminder-settings-and-runs.ts';
import * as checkInLimitsAndRequests from './2026-12-07T03-check-in-limits-and-requests.ts';
import * as courseDraftsAndRecordedSessions from './2026-12-08T01-course-drafts-and-recorded-sessions.ts';
import * as reminderRunUnreached from './2026-12-08T02-reminder-run-unreached.ts';
import * as reportIndexes from './2026-12-08T03-report-indexes.ts';
import * as organisationSettings from './2026-12-08T05-organisation-settings.ts';
import * as singleSignOn from './2026-12-10T01-single-sign-on.ts';
import * as scormPackages from './2026-12-11T01-scorm-packages.ts';

/**
 * Every migration, in order. Listed explicitly (not read from disk) so the same set runs
 * under tsx, vitest and a bundler. Names sort by timestamp; never rename or edit one that shipped.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26T01-foundation': foundation,
  '2026-11-26T02-sign-in-and-audit': signInAndAudit,
  '2026-11-26T03-courses-sessions-bookings': coursesSessionsBookings,
  '2026-11-26T04-roster-history': rosterHistory,
  '2026-11-26T05-attendance': attendance,
  '2026-11-26T06-e-learning': eLearning,
  '2026-12-05T20-mail-and-reminders': mailAndReminders,
  '2026-12-06T10-reports': reports,
  '2026-12-06T11-booking-history': bookingHistory,
  '2026-12-06T20-password-link-revocation': passwordLinkRevocation,
  '2026-12-06T21-quiz-answer-reveal': quizAnswerReveal,
  '2026-12-07T01-e-learning-for-every-non-attendee': eLearningForEveryNonAttendee,
  '2026-12-07T02-reminder-settings-and-runs': reminderSettingsAndRuns,
  '2026-12-07T03-check-in-limits-and-requests': checkInLimitsAndRequests,
  '2026-12-08T01-course-drafts-and-recorded-sessions': courseDraftsAndRecordedSessions,
  '2026-12-08T02-reminder-run-unreached': reminderRunUnreached,
  '2026-12-08T03-report-indexes': reportIndexes,
  '2026-12-08T05-organisation-settings': organisationSettings,
  '2026-12-10T01-single-sign-on': singleSignOn,
  '2026-12-11T01-scorm-packages': scormPackages,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
