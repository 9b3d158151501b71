import { EMPLOYMENT_TYPES, ROLES, type EmploymentType, type Role } from '@kenshu/domain';
import {
  parsePaging,
  type PagingSearch,
  positiveInteger,
  searchText,
  toInteger,
  withoutUndefined,
} from './search-params.ts';
import { TEAM_STATUS_FILTERS, type TeamStatusFilter } from '../../features/team/index.ts';

export { DEFAULT_TEAM_STATUS } from '../../features/team/index.ts';

/**
 * The team page's URL state: `?year=2025&course=3&unit=12&status=all&q=山田&offset=50&limit=50`,
 * all optional. No year means the current fiscal year; no course means the API's default (the
 * course for all staff); no status means the default, so the plain address is the usual view.
 */
export interface TeamSearch extends PagingSearch {
  /** A fiscal year (2025 = 令和7年度); the page leaves the current one out of the address. */
  year?: number;
  course?: number;
  unit?: number;
  status?: Exclude<TeamStatusFilter, 'not_completed'>;
  role?: Role;
  employment?: EmploymentType;
  q?: string;
}

const MAX_QUERY_LENGTH = 100;
// The years the API accepts.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function fiscalYear(value: unknown): number | undefined {
  const n = toInteger(value);
  return n !== undefined && n >= FIRST_YEAR && n <= LAST_YEAR ? n : undefined;
}

export function parseTeamSearch(raw: Record<string, unknown>): TeamSearch {
  const status = TEAM_STATUS_FILTERS.find((s) => s === raw.status);
  return withoutUndefined({
    year: fiscalYear(raw.year),
    course: positiveInteger(raw.course),
    unit: positiveInteger(raw.unit),
    status: status === 'not_completed' ? undefined : status,
    role: ROLES.find((r) => r === raw.role),
    employment: EMPLOYMENT_TYPES.find((e) => e === raw.employment),
    q: searchText(raw.q, MAX_QUERY_LENGTH),
    ...parsePaging(raw),
  });
}
