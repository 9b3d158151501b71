import { positiveInteger, searchText, withoutUndefined } from './search-params.ts';

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

export function parseSessionFinderSearch(raw: Record<string, unknown>): SessionFinderSearch {
  const seats = raw.seats === true || raw.seats === 'true' || raw.seats === 1 || raw.seats === '1';
  return withoutUndefined({
    course: positiveInteger(raw.course),
    month: parseMonth(raw.month),
    venue: searchText(raw.venue, MAX_VENUE_LENGTH),
    seats: seats ? true : undefined,
  });
}

/** The admin session pages' URL state: `?view=calendar&month=2027-02&course=3`. */
export interface AdminSessionsSearch {
  view?: 'calendar';
  month?: string;
  course?: number;
}

export function parseAdminSessionsSearch(raw: Record<string, unknown>): AdminSessionsSearch {
  return withoutUndefined({
    view: raw.view === 'calendar' ? ('calendar' as const) : undefined,
    month: parseMonth(raw.month),
    course: positiveInteger(raw.course),
  });
}

// The router turns `2027-02` into a string but a bare number-like month would not match.
function parseMonth(value: unknown): string | undefined {
  return typeof value === 'string' && MONTH.test(value) ? value : undefined;
}
