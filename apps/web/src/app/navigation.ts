import type { LinkProps } from '@tanstack/react-router';
import type { Messages } from '../locales/ja.ts';
import { ROLES, type Role, type Viewer } from './use-viewer.ts';

export interface NavEntry {
  to: NonNullable<LinkProps['to']>;
  /** Key under `nav.` in the message catalogue. */
  label: Exclude<keyof Messages['nav'], 'label' | 'menu'>;
  /** Who sees the entry (and may use the page: the API enforces the same rule). */
  roles: readonly Role[];
}

/** The main menu, in display order. A page without an entry here is reachable only by link. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', label: 'home', roles: ROLES },
  { to: '/my-training', label: 'myTraining', roles: ROLES },
  { to: '/e-learning', label: 'eLearning', roles: ROLES },
  { to: '/sessions', label: 'sessions', roles: ROLES },
  { to: '/check-in', label: 'checkIn', roles: ROLES },
  { to: '/teaching', label: 'teaching', roles: ['trainer', 'admin'] },
  {
    to: '/organisation',
    label: 'organisation',
    roles: ['section_head', 'unit_security_officer', 'admin'],
  },
  { to: '/team', label: 'team', roles: ['section_head', 'unit_security_officer', 'admin'] },
  { to: '/reports', label: 'reports', roles: ['section_head', 'unit_security_officer', 'admin'] },
  { to: '/admin/sessions', label: 'adminSessions', roles: ['admin'] },
  { to: '/admin/courses', label: 'adminCourses', roles: ['admin'] },
  { to: '/admin/messages', label: 'adminMessages', roles: ['admin'] },
  { to: '/admin/e-learning', label: 'adminELearning', roles: ['admin'] },
  { to: '/admin/accounts', label: 'accounts', roles: ['admin'] },
  { to: '/admin/audit-log', label: 'auditLog', roles: ['admin'] },
  { to: '/admin/outbox', label: 'outbox', roles: ['admin'] },
  { to: '/admin/staff-import', label: 'staffImport', roles: ['admin'] },
];

/**
 * Whether the viewer may open the page at `pathname`: the menu entry it falls under (the longest
 * `to` that is the path or a parent of it) decides, so `/admin/sessions/12` needs what
 * `/admin/sessions` needs. Pages under no entry but home are open to everyone signed in.
 */
export function mayOpen(viewer: Viewer, pathname: string): boolean {
  const entry = NAV_ENTRIES.filter(
    (e) => e.to !== '/' && (pathname === e.to || pathname.startsWith(`${e.to}/`)),
  ).sort((a, b) => b.to.length - a.to.length)[0];
  return entry === undefined || entry.roles.some((role) => viewer.roles.has(role));
}

/**
 * The app's pages anyone may open without signing in; every other page sends strangers to
 * sign-in (which is not among them: it is a page of its own, sign-in.html).
 */
export const PUBLIC_PATHS: readonly string[] = ['/sign-in/sso', '/set-password'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname.replace(/\/+$/, '') || '/');
}

/** Whether the viewer may see the menu entry for `to` (false for paths not in the menu). */
export function canVisit(viewer: Viewer, to: NavEntry['to']): boolean {
  const entry = NAV_ENTRIES.find((e) => e.to === to);
  return entry !== undefined && entry.roles.some((role) => viewer.roles.has(role));
}
