/** Why someone is on the sign-in page, when it is worth saying. */
export type SignInReason = 'expired' | 'signedOut' | 'passwordSet';
const REASONS: readonly SignInReason[] = ['expired', 'signedOut', 'passwordSet'];

/**
 * The sign-in page's own URL state: `?reason=expired`, optional. Its `next` (the page to open
 * afterwards) belongs to every page and is validated once, by the root route (root-search.ts).
 */
export interface SignInSearch {
  reason?: SignInReason;
}

export function parseSignInSearch(raw: Record<string, unknown>): SignInSearch {
  const reason = REASONS.find((r) => r === raw.reason);
  return reason === undefined ? {} : { reason };
}
