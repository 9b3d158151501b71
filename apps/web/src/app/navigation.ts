import type { LinkProps } from '@tanstack/react-router';
import type { Messages } from '../locales/ja.ts';
import { ROLES, type Role, type Viewer } from './use-viewer.ts';

export interface NavEntry {
  to: NonNullable<LinkProps['to']>;
  /** Key under `nav.` in the message catalogue. */
  label: Exclude<keyof Messages['nav'], 'label'>;
  /** Who sees the entry (and may use the page: the API enforces the same rule). */
  roles: readonly Role[];
}

/** The main menu, in display order. A page without an entry here is reachable only by link. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', label: 'home', roles: ROLES },
  {
    to: '/organisation',
    label: 'organisation',
    roles: ['section_head', 'unit_security_officer', 'admin'],
  },
];

/** Whether the viewer may see the menu entry for `to` (false for paths not in the menu). */
export function canVisit(viewer: Viewer, to: NavEntry['to']): boolean {
  const entry = NAV_ENTRIES.find((e) => e.to === to);
  return entry !== undefined && entry.roles.some((role) => viewer.roles.has(role));
}
