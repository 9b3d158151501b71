import { positiveInteger, searchText, withoutUndefined } from './search-params.ts';

/** The accounts page's URL state: `?q=山田&staff=12`, both optional. */
export interface AccountsSearch {
  q?: string;
  /** The person whose account is open. */
  staff?: number;
}

const MAX_QUERY_LENGTH = 100;

export function parseAccountsSearch(raw: Record<string, unknown>): AccountsSearch {
  return withoutUndefined({
    q: searchText(raw.q, MAX_QUERY_LENGTH),
    staff: positiveInteger(raw.staff),
  });
}
