import type { navJa } from './nav.ja.ts';

/** English words of the main menu, the same keys as Japanese. */
export const navEn: typeof navJa = {
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
};
