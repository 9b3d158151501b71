import { isIsoDate, type AuditFilters } from '../../features/audit-log/utils/filters.ts';
import { parsePaging, searchText, type PagingSearch } from './search-params.ts';

/** The audit log page's URL state: the filters, offset and page size, all optional. */
export type AuditLogSearch = AuditFilters & PagingSearch;

const TEXT_LIMITS = { action: 100, actorStaffNumber: 32, targetType: 50, targetId: 100 } as const;

/** Reads the URL leniently: a bad parameter is dropped rather than breaking the page. */
export function parseAuditLogSearch(raw: Record<string, unknown>): AuditLogSearch {
  const search: AuditLogSearch = parsePaging(raw);
  for (const [key, max] of Object.entries(TEXT_LIMITS)) {
    const value = raw[key];
    // Staff numbers and ids may look numeric; the router then hands them over as numbers.
    const text = searchText(typeof value === 'number' ? String(value) : value, max);
    if (text !== undefined) search[key as keyof typeof TEXT_LIMITS] = text;
  }
  if (isIsoDate(raw.from)) search.from = raw.from;
  if (isIsoDate(raw.to)) search.to = raw.to;
  return search;
}
