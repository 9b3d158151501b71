import type { Messages } from './ja.ts';
import { eLearningEn } from './e-learning.en.ts';
import { staffImportEn } from './staff-import.en.ts';
import { remindersEn } from './reminders.en.ts';
import { reportsEn } from './reports.en.ts';
import { sessionsEn } from './sessions.en.ts';
import { attendanceEn } from './attendance.en.ts';
import { teamEn } from './team.en.ts';
import { authEn } from './auth.en.ts';
import { accountsEn } from './accounts.en.ts';
import { myTrainingEn } from './my-training.en.ts';
import { coursesEn } from './courses.en.ts';
import { organisationEn } from './organisation.en.ts';
import { auditLogEn } from './audit-log.en.ts';
import { mailEn } from './mail.en.ts';

/** English. Typed against the Japanese catalogue, so a missing or extra key fails the build. */
export const en: Messages = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: 'Skip to main content',
  eLearning: eLearningEn,
  staffImport: staffImportEn,
  reports: reportsEn,
  reminders: remindersEn,
  nav: {
    label: 'Main menu',
    menu: 'Menu',
    home: 'Home',
    organisation: 'Organisation and staff',
    myTraining: 'My training',
    eLearning: 'E-learning',
    adminELearning: 'E-learning administration',
    sessions: 'Find a session',
    checkIn: 'Check in',
    teaching: 'Sessions I teach',
    adminSessions: 'Sessions',
    adminCourses: 'Courses',
    adminMessages: 'Reminders and messages',
    accounts: 'Accounts and roles',
    auditLog: 'Audit log',
    staffImport: 'Staff import',
    team: "My people's training",
    outbox: 'E-mail outbox',
    reports: 'Reports',
  },
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
  },
  fiscalYear: {
    current: 'Current fiscal year',
  },
  attendance: attendanceEn,
  sessionPhase: {
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    awaiting_roster: 'Held, awaiting the roster',
    finalised: 'Finalised',
    cancelled: 'Cancelled',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    staffCount: '{{count, number}} staff',
  },
  errors: {
    title: 'The data could not be loaded',
    requestId: 'Reference: {{requestId}}',
    network: 'The server cannot be reached. Check your network connection.',
    unknown: 'An unexpected error occurred.',
    codes: {
      VALIDATION: 'Some of the input is not valid.',
      NOT_FOUND: 'What you asked for was not found.',
      FORBIDDEN: 'You are not allowed to do this.',
      UNAUTHENTICATED: 'Please sign in.',
      CSRF_REJECTED: 'Your session could not be verified. Reload the page and try again.',
      CONFLICT: 'This conflicts with the current state and cannot be done.',
      PAYLOAD_TOO_LARGE: 'The data sent is too large.',
      UNSUPPORTED_MEDIA_TYPE: 'The data was sent in a format this page does not accept.',
      RATE_LIMITED: 'The service is busy. Please try again in a moment.',
      UNAVAILABLE: 'The service is busy. Please try again in a moment.',
      SSO_REQUIRED: 'Passwords are turned off here. Sign in with single sign-on above.',
      INTERNAL: 'Something went wrong on the server.',
    },
  },
  pagination: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    range: '{{from, number}}–{{to, number}} of {{total, number}}',
    pageSize: 'Rows per page',
    pageSizeOption: '{{count, number}} rows',
  },
  dashboard: {
    title: 'Home',
    fiscalYear: {
      heading: 'This fiscal year',
      period: 'Period',
      periodValue: '{{from}} – {{to}}',
      daysLeft: 'Until year end',
      daysLeftValue: '{{count, number}} days',
    },
    organisation: {
      heading: 'Organisation overview',
      totalStaff: 'Staff',
      units: 'Units',
      unitCount: '{{count, number}}',
      topUnits: 'Main units',
      openOrganisation: 'View organisation and staff',
      empty: 'No organisation units are registered.',
      updatedAt: 'As of {{time}}',
    },
  },
  organisation: organisationEn,
  staff: {
    searchLabel: 'Search staff',
    searchDescription: 'Search by staff number, name, kana or e-mail address.',
    tableLabel: 'Staff of {{unit}}',
    empty: 'No staff found.',
    emptySearch: 'No staff match “{{q}}”.',
    columns: {
      staffNumber: 'Staff number',
      name: 'Name',
      unit: 'Unit',
      employmentType: 'Employment',
      roles: 'Roles',
    },
    employmentTypes: {
      regular: 'Regular',
      part_time: 'Part-time',
      temporary: 'Temporary',
    },
    roles: {
      section_head: 'Section head',
      unit_security_officer: 'Unit security officer',
      system_security_officer: 'System security officer',
      pjmo_member: 'PJMO',
      trainer: 'Trainer',
      admin: 'Admin',
    },
    noRoles: 'None',
  },
  auth: authEn,
  accounts: accountsEn,
  auditLog: auditLogEn,
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for may have moved or been removed, or the address may be mistyped.',
    home: 'Back to home',
  },
  myTraining: myTrainingEn,
  notifications: {
    heading: 'Notifications',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
    empty: 'You have no notifications.',
    new: 'New',
    markRead: 'Mark as read',
    markReadNamed: 'Mark as read: {{text}}',
    details: 'Show the whole message',
    open: 'Open',
  },
  sessions: sessionsEn,
  mail: mailEn,
  team: teamEn,
  courses: coursesEn,
  scheduling: {
    warningsTitle: 'Check before saving (you can still save)',
    weekend: '{{date}} is a weekend day.',
    holiday: '{{date}} is a national holiday: {{name}}.',
    yearEndClosure: '{{date}} is in the year-end closure (29 December – 3 January).',
    venueOverlap: '{{venue}} already has {{course}} at {{time}} at the same time.',
    openOther: 'Open the other session',
    pastTitle: 'This session is in the past',
    pastNotice:
      'Recording a session that already took place (for example from a paper sign-in sheet). It will not be open for booking; mark its attendance on the attendance page afterwards.',
    recordedReason: 'Why it is recorded afterwards',
    recordedReasonMissing: 'Give the reason this past session is recorded.',
    record: 'Record past session',
    recordedNotice: 'Recorded after it took place: {{reason}}',
    holidayMark: 'Holiday: {{name}}',
    draft: 'Draft',
    published: 'Published',
    draftNotice:
      'This course is a draft: nobody is required to take it (not in My training, the team page, reports or e-learning assignment) until you publish it.',
    publish: 'Publish course',
    publishTitle: 'Publish this course?',
    publishBody:
      'From now on everyone in its audience must take it this fiscal year: it appears in their training, on team pages and in reports, and reminders and e-learning assignments include it.',
    publishConfirm: 'Publish',
    publishedNotice: 'Published {{date}}.',
  },
};
