import {
  parsePaging,
  type PagingSearch,
  positiveInteger,
  searchText,
  withoutUndefined,
} from './search-params.ts';

/** The organisation page's URL state: `?unit=12&q=山田&offset=50&limit=50`, all optional. */
export interface OrganisationSearch extends PagingSearch {
  unit?: number;
  q?: string;
}

const MAX_QUERY_LENGTH = 100;

export function parseOrganisationSearch(raw: Record<string, unknown>): OrganisationSearch {
  return withoutUndefined({
    unit: positiveInteger(raw.unit),
    q: searchText(raw.q, MAX_QUERY_LENGTH),
    ...parsePaging(raw),
  });
}
