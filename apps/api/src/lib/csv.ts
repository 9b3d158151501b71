import { stringify } from 'csv-stringify/sync';

/** A value a CSV cell can hold; null and undefined become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage return
 * gets a `'` in front, as OWASP recommends. Numbers stay numbers, so -1 is still -1.
 */
export function neutraliseCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one way Kenshu writes CSV: UTF-8 with a BOM (so spreadsheet programs read the Japanese),
 * CRLF line ends, every text cell neutralised against formulas.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) => row.map(neutraliseCell));
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}

/** Response headers for a CSV download named `filename` (ASCII, no quotes). */
export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  };
}
