import { PAGE_SIZES, type PageSize } from '../../lib/paging.ts';

/** A status the list can be narrowed to; the people not yet done are shown when none is given. */
export const TEAM_STATUS_FILTERS = [
  'not_completed',
  'all',
  'completed',
  'booked',
  'waiting',
  'e_learning_assigned',
  'not_started',
] as const;
export type TeamStatusFilter = (typeof TEAM_STATUS_FILTERS)[number];

/** What the page shows until the viewer picks another status: the people still to chase. */
export const DEFAULT_TEAM_STATUS = 'not_completed' satisfies TeamStatusFilter;

/**
 * The team page's URL state: `?course=3&unit=12&status=all&q=山田&offset=50&limit=50`, all
 * optional. No course means the API's default (the course for all staff); no status means the
 * default, so the plain address is the page's usual view.
 */
export interface TeamSearch {
  course?: number;
  unit?: number;
  status?: Exclude<TeamStatusFilter, 'not_completed'>;
  q?: string;
  offset?: number;
  limit?: PageSize;
}

const MAX_QUERY_LENGTH = 100;

/**
 * Reads the URL's search params leniently: a hand-edited or stale link drops the bad parameter
 * rather than breaking the page.
 */
export function parseTeamSearch(raw: Record<string, unknown>): TeamSearch {
  const search: TeamSearch = {};
  const course = toInteger(raw.course);
  if (course !== undefined && course > 0) search.course = course;
  const unit = toInteger(raw.unit);
  if (unit !== undefined && unit > 0) search.unit = unit;
  const status = TEAM_STATUS_FILTERS.find((s) => s === raw.status);
  if (status !== undefined && status !== 'not_completed') search.status = status;
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
