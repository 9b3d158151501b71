import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  STAFF_IMPORT_COLUMNS,
  STAFF_IMPORT_PERSON_FIELDS,
  type StaffImportColumn,
} from '@kenshu/domain';
import type { Ministry, StaffRow } from './generate.ts';

/** One CSV field (RFC 4180): quoted only when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, without its line ending. */
export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvField).join(',');
}

/**
 * The columns of the staff import file as the generator writes it: the import's own list but
 * the optional no_group_sessions, which the generated units leave as Kenshu has them.
 */
export const STAFF_IMPORT_CSV_HEADER = STAFF_IMPORT_COLUMNS.filter(
  (c) => c !== 'no_group_sessions',
);

type CsvValue = string | number | boolean | null;

/** A person's value for each staff column of the file, by the field list's names. */
const staffValueOf = new Map<StaffImportColumn, (s: StaffRow) => CsvValue>(
  STAFF_IMPORT_PERSON_FIELDS.map((f) => [f.column, (s: StaffRow) => s[f.row]]),
);

/** The staff import file as CSV lines (CRLF-terminated): the header, every unit parents first, every person. */
export function* staffImportCsvLines(ministry: Ministry): Generator<string> {
  yield `${csvLine(STAFF_IMPORT_CSV_HEADER)}\r\n`;
  for (const u of ministry.units) {
    // A unit's fields are named as the file's columns; the staff columns stay empty.
    const fields: Partial<Record<StaffImportColumn, CsvValue>> = u;
    yield `${csvLine(STAFF_IMPORT_CSV_HEADER.map((c) => (c === 'record_type' ? 'unit' : (fields[c] ?? null))))}\r\n`;
  }
  for (const s of ministry.staff) {
    yield `${csvLine(STAFF_IMPORT_CSV_HEADER.map((c) => (c === 'record_type' ? 'staff' : (staffValueOf.get(c)?.(s) ?? null))))}\r\n`;
  }
}

/** Writes the staff import CSV (UTF-8) that a staff import would receive from HR. */
export async function writeStaffImportCsv(ministry: Ministry, path: string): Promise<void> {
  await pipeline(Readable.from(staffImportCsvLines(ministry)), createWriteStream(path));
}
