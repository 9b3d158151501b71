import { PAGE_SIZES, type PageSize } from '../../lib/paging.ts';

/** The organisation page's URL state: `?unit=12&q=山田&offset=50&limit=50`, all optional. */
export interface OrganisationSearch {
  unit?: number;
  q?: string;
  offset?: number;
  limit?: PageSize;
}

const MAX_QUERY_LENGTH = 100;

/**
 * Reads the URL's search params leniently: a hand-edited or stale link drops the bad parameter
 * rather than breaking the page.
 */
export function parseOrganisationSearch(raw: Record<string, unknown>): OrganisationSearch {
  const search: OrganisationSearch = {};
  const unit = toInteger(raw.unit);
  if (unit !== undefined && unit > 0) search.unit = unit;
  if (typeof raw.q === 'string' && raw.q.trim() !== '') {
    search.q = raw.q.trim().slice(0, MAX_QUERY_LENGTH);
  }
  const offset = toInteger(raw.offset);
  if (offset !== undefined && offset > 0) search.offset = offset;
  const limit = PAGE_SIZES.find((size) => size === toInteger(raw.limit));
  if (limit !== undefined) search.limit = limit;
  return search;
}

// The router parses numeric-looking params to numbers, but a hand-typed URL may give strings.
function toInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}
