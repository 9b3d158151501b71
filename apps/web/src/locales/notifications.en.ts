import type { notificationsJa } from './notifications.ja.ts';

/** English words of notifications, the same keys as Japanese. */
export const notificationsEn: typeof notificationsJa = {
  heading: 'Notifications',
  unread_one: '{{count}} unread notification',
  unread_other: '{{count}} unread notifications',
  empty: 'You have no notifications.',
  new: 'New',
  markRead: 'Mark as read',
  markReadNamed: 'Mark as read: {{text}}',
  details: 'Show the whole message',
  open: 'Open',
};
