/** What the audit log can be filtered by; all optional, dates as 'YYYY-MM-DD' (Tokyo days). */
export interface AuditFilters {
  action?: string | undefined;
  actorStaffNumber?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const FILTER_KEYS = [
  'action',
  'actorStaffNumber',
  'targetType',
  'targetId',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilters)[];

/** The filters that are set, as API query parameters. */
export function filterQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The CSV export of exactly what the filters select (all pages). */
export function exportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams(filterQuery(filters)).toString();
  return `/api/audit-log/export.csv${params ? `?${params}` : ''}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
}
