import type { Me } from '@kenshu/contracts';
import { ROLES as GRANTED_ROLES, type Role as GrantedRole } from '@kenshu/domain';
import { useMemo } from 'react';
import { useMe } from '../features/auth/api/get-me.ts';

/** A role as the UI sees it: everyone signed in is staff, some also hold the domain's roles. */
export type Role = 'staff' | GrantedRole;
export const ROLES: readonly Role[] = ['staff', ...GRANTED_ROLES];

/** Who is using the app, as far as the UI needs to know. */
export interface Viewer {
  roles: ReadonlySet<Role>;
  /** The signed-in person; null while nobody is signed in (the sign-in pages). */
  me: Me | null;
}

const SIGNED_OUT: Viewer = { roles: new Set(), me: null };

/**
 * The viewer for a signed-in person: the roles the API reports (HR and granted), plus staff,
 * which everyone is. This module is the one place that decides; the API enforces the same.
 */
export function viewerOf(me: Me | null): Viewer {
  return me ? { roles: new Set<Role>(['staff', ...me.roles]), me } : SIGNED_OUT;
}

/** The current viewer, from `GET /api/auth/me` (loaded before any signed-in page renders). */
export function useViewer(): Viewer {
  const { data } = useMe();
  return useMemo(() => viewerOf(data ?? null), [data]);
}
