/**
 * The report's tables that download as CSV, in the order the report page offers them. The API
 * takes one of these names in the export's path; `people` is the list behind a figure.
 */
export const REPORT_TABLES = [
  'courses',
  'units',
  'role-groups',
  'employment-types',
  'methods',
  'attainment',
  'progress',
  'history',
  'people',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
