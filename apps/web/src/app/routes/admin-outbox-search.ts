import { parsePaging, searchText, withoutUndefined, type PagingSearch } from './search-params.ts';

export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'no_address',
  'opted_out',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The outbox page's URL state: `?status=failed&q=山田&offset=50`, all optional. */
export interface OutboxSearchParams extends PagingSearch {
  status?: OutboxStatus;
  q?: string;
}

/** Reads the URL leniently: a bad parameter is dropped rather than breaking the page. */
export function parseOutboxSearch(raw: Record<string, unknown>): OutboxSearchParams {
  return withoutUndefined({
    status: OUTBOX_STATUSES.find((s) => s === raw.status),
    q: searchText(raw.q, 100),
    ...parsePaging(raw),
  });
}
