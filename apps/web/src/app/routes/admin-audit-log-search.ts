import { isIsoDate, type AuditFilters } from '../../features/audit-log/utils/filters.ts';
import { PAGE_SIZES, type PageSize } from '../../lib/paging.ts';

/** The audit log page's URL state: the filters, offset and page size, all optional. */
export interface AuditLogSearch extends AuditFilters {
  offset?: number;
  limit?: PageSize;
}

const TEXT_LIMITS = { action: 100, actorStaffNumber: 32, targetType: 50, targetId: 100 } as const;

/** Reads the URL leniently: a bad parameter is dropped rather than breaking the page. */
export function parseAuditLogSearch(raw: Record<string, unknown>): AuditLogSearch {
  const search: AuditLogSearch = {};
  for (const [key, max] of Object.entries(TEXT_LIMITS)) {
    const value = raw[key];
    // Staff numbers and ids may look numeric; the router then hands them over as numbers.
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && text.trim() !== '') {
      search[key as keyof typeof TEXT_LIMITS] = text.trim().slice(0, max);
    }
  }
  if (isIsoDate(raw.from)) search.from = raw.from;
  if (isIsoDate(raw.to)) search.to = raw.to;
  const offset = toInteger(raw.offset);
  if (offset !== undefined && offset > 0) search.offset = offset;
  const limit = PAGE_SIZES.find((size) => size === toInteger(raw.limit));
  if (limit !== undefined) search.limit = limit;
  return search;
}

function toInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}
