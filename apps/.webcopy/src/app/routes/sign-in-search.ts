import { safeNext } from '../../features/auth/utils/safe-next.ts';

/** Why someone is on the sign-in page, when it is worth saying. */
export type SignInReason = 'expired' | 'signedOut' | 'passwordSet';
const REASONS: readonly SignInReason[] = ['expired', 'signedOut', 'passwordSet'];

/** The sign-in page's URL state: `?next=/organisation%3Funit%3D7&reason=expired`, both optional. */
export interface SignInSearch {
  /** The page to open after signing in (a path of this app). */
  next?: string;
  reason?: SignInReason;
}

export function parseSignInSearch(raw: Record<string, unknown>): SignInSearch {
  const search: SignInSearch = {};
  const next = safeNext(raw.next);
  if (next !== undefined) search.next = next;
  const reason = REASONS.find((r) => r === raw.reason);
  if (reason !== undefined) search.reason = reason;
  return search;
}
