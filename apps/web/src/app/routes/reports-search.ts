import { positiveInteger, toInteger, withoutUndefined } from './search-params.ts';

/** The report page's URL state: `?year=2025&course=3&unit=12`, all optional. */
export interface ReportsSearch {
  year?: number;
  course?: number;
  unit?: number;
}

export function parseReportsSearch(raw: Record<string, unknown>): ReportsSearch {
  const year = toInteger(raw.year);
  return withoutUndefined({
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
    course: positiveInteger(raw.course),
    unit: positiveInteger(raw.unit),
  });
}
