import type { Messages } from './ja.ts';
import type { shellJa } from './shell.ja.ts';

/**
 * A part of the catalogue that loads with the pages using it; the shell's words (shell.ja.ts)
 * are in the first download instead.
 */
export type Section = Exclude<keyof Messages, keyof typeof shellJa>;

/**
 * Each section's words in each language, every one its own small file fetched the first time a
 * page needs it (see `loadWords`), so a first visit downloads only the words its page shows.
 */
export const SECTIONS: { [S in Section]: Record<'ja' | 'en', () => Promise<Messages[S]>> } = {
  auth: {
    ja: () => import('./auth.ja.ts').then((m) => m.authJa),
    en: () => import('./auth.en.ts').then((m) => m.authEn),
  },
  eLearning: {
    ja: () => import('./e-learning.ja.ts').then((m) => m.eLearningJa),
    en: () => import('./e-learning.en.ts').then((m) => m.eLearningEn),
  },
  staffImport: {
    ja: () => import('./staff-import.ja.ts').then((m) => m.staffImportJa),
    en: () => import('./staff-import.en.ts').then((m) => m.staffImportEn),
  },
  reports: {
    ja: () => import('./reports.ja.ts').then((m) => m.reportsJa),
    en: () => import('./reports.en.ts').then((m) => m.reportsEn),
  },
  reminders: {
    ja: () => import('./reminders.ja.ts').then((m) => m.remindersJa),
    en: () => import('./reminders.en.ts').then((m) => m.remindersEn),
  },
  attendance: {
    ja: () => import('./attendance.ja.ts').then((m) => m.attendanceJa),
    en: () => import('./attendance.en.ts').then((m) => m.attendanceEn),
  },
  sessionPhase: {
    ja: () => import('./session-phase.ja.ts').then((m) => m.sessionPhaseJa),
    en: () => import('./session-phase.en.ts').then((m) => m.sessionPhaseEn),
  },
  pagination: {
    ja: () => import('./pagination.ja.ts').then((m) => m.paginationJa),
    en: () => import('./pagination.en.ts').then((m) => m.paginationEn),
  },
  dashboard: {
    ja: () => import('./dashboard.ja.ts').then((m) => m.dashboardJa),
    en: () => import('./dashboard.en.ts').then((m) => m.dashboardEn),
  },
  organisation: {
    ja: () => import('./organisation.ja.ts').then((m) => m.organisationJa),
    en: () => import('./organisation.en.ts').then((m) => m.organisationEn),
  },
  staff: {
    ja: () => import('./staff.ja.ts').then((m) => m.staffJa),
    en: () => import('./staff.en.ts').then((m) => m.staffEn),
  },
  accounts: {
    ja: () => import('./accounts.ja.ts').then((m) => m.accountsJa),
    en: () => import('./accounts.en.ts').then((m) => m.accountsEn),
  },
  auditLog: {
    ja: () => import('./audit-log.ja.ts').then((m) => m.auditLogJa),
    en: () => import('./audit-log.en.ts').then((m) => m.auditLogEn),
  },
  myTraining: {
    ja: () => import('./my-training.ja.ts').then((m) => m.myTrainingJa),
    en: () => import('./my-training.en.ts').then((m) => m.myTrainingEn),
  },
  notifications: {
    ja: () => import('./notifications.ja.ts').then((m) => m.notificationsJa),
    en: () => import('./notifications.en.ts').then((m) => m.notificationsEn),
  },
  sessions: {
    ja: () => import('./sessions.ja.ts').then((m) => m.sessionsJa),
    en: () => import('./sessions.en.ts').then((m) => m.sessionsEn),
  },
  mail: {
    ja: () => import('./mail.ja.ts').then((m) => m.mailJa),
    en: () => import('./mail.en.ts').then((m) => m.mailEn),
  },
  team: {
    ja: () => import('./team.ja.ts').then((m) => m.teamJa),
    en: () => import('./team.en.ts').then((m) => m.teamEn),
  },
  courses: {
    ja: () => import('./courses.ja.ts').then((m) => m.coursesJa),
    en: () => import('./courses.en.ts').then((m) => m.coursesEn),
  },
  scheduling: {
    ja: () => import('./scheduling.ja.ts').then((m) => m.schedulingJa),
    en: () => import('./scheduling.en.ts').then((m) => m.schedulingEn),
  },
};
