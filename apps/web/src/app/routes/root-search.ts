import { safeNext } from '@kenshu/domain';

/** URL state every page shares: `?next=` (the page to open after signing in), optional. */
export interface RootSearch {
  next?: string;
}

/**
 * The router hands every page the root's search merged with the page's own, and the root's is
 * the raw URL unless validated here: so `next` is checked once, for every page, and an unsafe
 * one is replaced by nothing (home) rather than merely left out of a page's own search.
 */
export function parseRootSearch(raw: Record<string, unknown>): RootSearch {
  return { next: safeNext(raw.next) };
}
