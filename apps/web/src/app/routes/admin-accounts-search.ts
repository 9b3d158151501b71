/** The accounts page's URL state: `?q=山田&staff=12`, both optional. */
export interface AccountsSearch {
  q?: string;
  /** The person whose account is open. */
  staff?: number;
}

const MAX_QUERY_LENGTH = 100;

/** Reads the URL leniently: a bad parameter is dropped rather than breaking the page. */
export function parseAccountsSearch(raw: Record<string, unknown>): AccountsSearch {
  const search: AccountsSearch = {};
  if (typeof raw.q === 'string' && raw.q.trim() !== '') {
    search.q = raw.q.trim().slice(0, MAX_QUERY_LENGTH);
  }
  const staff = typeof raw.staff === 'string' ? Number(raw.staff) : raw.staff;
  if (typeof staff === 'number' && Number.isSafeInteger(staff) && staff > 0) search.staff = staff;
  return search;
}
