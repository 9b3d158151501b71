import { MAIL_STATUSES, type MailStatus } from '@kenshu/domain';
import { parsePaging, searchText, withoutUndefined, type PagingSearch } from './search-params.ts';

/** The outbox page's URL state: `?status=failed&q=山田&offset=50`, all optional. */
export interface OutboxSearchParams extends PagingSearch {
  status?: MailStatus;
  q?: string;
}

/** Reads the URL leniently: a bad parameter is dropped rather than breaking the page. */
export function parseOutboxSearch(raw: Record<string, unknown>): OutboxSearchParams {
  return withoutUndefined({
    status: MAIL_STATUSES.find((s) => s === raw.status),
    q: searchText(raw.q, 100),
    ...parsePaging(raw),
  });
}
