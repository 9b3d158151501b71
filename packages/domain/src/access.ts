import { isBureauLevel } from './org-units.ts';

/**
 * Roles and scope: who may see and change whose training record. Pure rules; the API's services
 * call them, and the database never decides access on its own.
 */

/** Roles a person can hold besides being staff. HR supplies some; admins grant the rest. */
export const ROLES = [
  'admin',
  'trainer',
  'section_head',
  'unit_security_officer',
  'system_security_officer',
  'pjmo_member',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that come from HR's staff file; a staff import may set or clear them. */
export const HR_ROLES = [
  'section_head',
  'unit_security_officer',
  'system_security_officer',
  'pjmo_member',
] as const satisfies readonly Role[];

/** The signed-in person, as access rules need them. */
export interface Viewer {
  staffId: number;
  roles: ReadonlySet<Role>;
  /** Materialised path of the person's own unit, e.g. "/1/7/12/". */
  unitPath: string;
  /**
   * Subtrees whose people this viewer oversees: their own unit's for a section head, their
   * bureau's or branch's for a unit security officer. Empty for everyone else.
   */
  oversightPaths: readonly string[];
}

/** What a route requires before its service runs. Scope checks happen in the service. */
export type Access =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'role'; roles: readonly Role[] };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signed-in' };
export function anyOf(...roles: Role[]): Access {
  return { kind: 'role', roles };
}

/** Whether the viewer passes a route's declared access (before any scope check). */
export function passesAccess(
  viewer: Viewer | null,
  access: Access,
): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access.kind === 'public') return 'ok';
  if (!viewer) return 'unauthenticated';
  if (access.kind === 'signed-in') return 'ok';
  return access.roles.some((r) => viewer.roles.has(r)) ? 'ok' : 'forbidden';
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.has('admin');
}

/** Whether the viewer oversees people anywhere (section head, unit officer or admin). */
export function oversees(viewer: Viewer): boolean {
  return isAdmin(viewer) || viewer.oversightPaths.length > 0;
}

/** Whether the viewer may see the training record of a person in the unit at `unitPath`. */
export function canSeePerson(
  viewer: Viewer,
  person: { staffId: number; unitPath: string },
): boolean {
  if (person.staffId === viewer.staffId || isAdmin(viewer)) return true;
  return viewer.oversightPaths.some((p) => person.unitPath.startsWith(p));
}

/** Whether a unit (by its path) lies within what the viewer oversees. */
export function canSeeUnit(viewer: Viewer, unitPath: string): boolean {
  return isAdmin(viewer) || viewer.oversightPaths.some((p) => unitPath.startsWith(p));
}

/**
 * The subtrees a viewer oversees. A section head oversees their own unit (their 課室), or the
 * unit an admin set for them instead (`sectionHeadUnitPath`: a head HR lists in a 係 who runs
 * the whole 課); a unit security officer oversees the bureau, agency or regional office their
 * unit belongs to. `ancestors` are the person's unit and its ancestors, nearest first.
 */
export function oversightPathsOf(
  roles: ReadonlySet<Role>,
  ancestors: readonly { path: string; kind: string }[],
  sectionHeadUnitPath?: string | null,
): string[] {
  const paths = new Set<string>();
  const own = ancestors[0];
  const headOf = sectionHeadUnitPath ?? own?.path;
  if (roles.has('section_head') && headOf) paths.add(headOf);
  if (roles.has('unit_security_officer')) {
    const bureau = ancestors.find((u) => isBureauLevel(u.kind));
    const chosen = bureau ?? own;
    if (chosen) paths.add(chosen.path);
  }
  // A path nested inside another adds nothing.
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}
