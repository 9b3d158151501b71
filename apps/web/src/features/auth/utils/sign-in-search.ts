/** Why someone is on the sign-in page, when it is worth saying. */
export type SignInReason = 'expired' | 'signedOut' | 'passwordSet';
const REASONS: readonly SignInReason[] = ['expired', 'signedOut', 'passwordSet'];

/**
 * The sign-in page's own URL state: `?reason=expired`, optional. Its `next` (the page to open
 * afterwards) is validated by the rule every page's `next` follows (app/routes/root-search.ts).
 */
export interface SignInSearch {
  reason?: SignInReason;
}

export function parseSignInSearch(raw: Record<string, unknown>): SignInSearch {
  const reason = REASONS.find((r) => r === raw.reason);
  return reason === undefined ? {} : { reason };
}

/**
 * The sign-in page's address. It is a page of its own (sign-in.html), not a route of the
 * single-page app, so whoever sends people there loads it in full (`loadPage` or a plain link).
 */
export function signInHref(search: SignInSearch & { next?: string } = {}): string {
  const params = new URLSearchParams();
  if (search.next) params.set('next', search.next);
  if (search.reason) params.set('reason', search.reason);
  const query = params.toString();
  return query === '' ? '/sign-in' : `/sign-in?${query}`;
}
