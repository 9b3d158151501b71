/** The session finder's URL state: `?course=3&month=2027-02&venue=会議室&seats=true`, all optional. */
export interface SessionFinderSearch {
  course?: number;
  /** 'YYYY-MM'. */
  month?: string;
  venue?: string;
  /** Only sessions with seats left. */
  seats?: true;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_VENUE_LENGTH = 100;

/**
 * Reads the finder's search params leniently: a hand-edited or stale link drops the bad
 * parameter rather than breaking the page.
 */
export function parseSessionFinderSearch(raw: Record<string, unknown>): SessionFinderSearch {
  const search: SessionFinderSearch = {};
  const course = toInteger(raw.course);
  if (course !== undefined && course > 0) search.course = course;
  // The router turns `2027-02` into a string but a bare number-like month would not match.
  if (typeof raw.month === 'string' && MONTH.test(raw.month)) search.month = raw.month;
  if (typeof raw.venue === 'string' && raw.venue.trim() !== '') {
    search.venue = raw.venue.trim().slice(0, MAX_VENUE_LENGTH);
  }
  if (raw.seats === true || raw.seats === 'true' || raw.seats === 1 || raw.seats === '1') {
    search.seats = true;
  }
  return search;
}

/** The admin session pages' URL state: `?view=calendar&month=2027-02&course=3`. */
export interface AdminSessionsSearch {
  view?: 'calendar';
  month?: string;
  course?: number;
}

export function parseAdminSessionsSearch(raw: Record<string, unknown>): AdminSessionsSearch {
  const search: AdminSessionsSearch = {};
  if (raw.view === 'calendar') search.view = 'calendar';
  if (typeof raw.month === 'string' && MONTH.test(raw.month)) search.month = raw.month;
  const course = toInteger(raw.course);
  if (course !== undefined && course > 0) search.course = course;
  return search;
}

// The router parses numeric-looking params to numbers, but a hand-typed URL may give strings.
function toInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}
