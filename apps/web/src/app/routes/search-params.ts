import { PAGE_SIZES, type PageSize } from '../../lib/paging.ts';

// Every page reads its URL leniently: a hand-edited or stale link drops the bad parameter rather
// than breaking the page. These are the readers the pages' parsers share.

/** A whole number; the router parses numeric-looking params, but a hand-typed URL may give text. */
export function toInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/** An id: a whole number above zero. */
export function positiveInteger(value: unknown): number | undefined {
  const n = toInteger(value);
  return n !== undefined && n > 0 ? n : undefined;
}

/** Typed text, trimmed and capped at `maxLength`; nothing when it is blank. */
export function searchText(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim().slice(0, maxLength)
    : undefined;
}

/** Where a paged list stands: `?offset=50&limit=50`, both optional. */
export interface PagingSearch {
  offset?: number;
  limit?: PageSize;
}

export function parsePaging(raw: Record<string, unknown>): PagingSearch {
  return withoutUndefined({
    offset: positiveInteger(raw.offset),
    limit: PAGE_SIZES.find((size) => size === toInteger(raw.limit)),
  });
}

/** The search without its dropped parameters, so they leave no empty key in the URL state. */
export function withoutUndefined<T extends object>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;
}
