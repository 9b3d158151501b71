import { ROLES as GRANTED_ROLES, type Role as GrantedRole } from '@kenshu/domain';

/** A role as the UI sees it: everyone signed in is staff, some also hold the domain's roles. */
export type Role = 'staff' | GrantedRole;
export const ROLES: readonly Role[] = ['staff', ...GRANTED_ROLES];

/** Who is using the app, as far as the UI needs to know. */
export interface Viewer {
  roles: ReadonlySet<Role>;
}

// Until the web app signs people in, the viewer holds every role so every page is reachable.
// This module is the one place that decides; the sign-in work replaces only useViewer's body.
const PROVISIONAL_VIEWER: Viewer = { roles: new Set(ROLES) };

/** The current viewer. */
export function useViewer(): Viewer {
  return PROVISIONAL_VIEWER;
}
