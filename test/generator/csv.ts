import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ministry } from './generate.ts';

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

/** The columns of the staff import file: unit records and staff records share one header. */
export const STAFF_IMPORT_CSV_HEADER = [
  'record_type',
  'code',
  'parent_code',
  'kind',
  'name_ja',
  'name_en',
  'staff_number',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'email',
  'unit_code',
  'employment_type',
  'section_head',
  'unit_security_officer',
  'system_security_officer',
  'pjmo_member',
  'locale',
] as const;

/** The staff import file as CSV lines (CRLF-terminated): the header, every unit parents first, every person. */
export function* staffImportCsvLines(ministry: Ministry): Generator<string> {
  yield `${csvLine(STAFF_IMPORT_CSV_HEADER)}\r\n`;
  // A unit record fills the first six columns; the staff columns stay empty.
  const noStaffFields = Array.from({ length: STAFF_IMPORT_CSV_HEADER.length - 6 }, () => null);
  for (const u of ministry.units) {
    yield `${csvLine(['unit', u.code, u.parent_code, u.kind, u.name_ja, u.name_en, ...noStaffFields])}\r\n`;
  }
  const noUnitFields = [null, null, null, null, null];
  for (const s of ministry.staff) {
    yield `${csvLine([
      'staff',
      ...noUnitFields,
      s.staff_number,
      s.family_name,
      s.given_name,
      s.family_name_kana,
      s.given_name_kana,
      s.email,
      s.unit_code,
      s.employment_type,
      s.is_section_head,
      s.is_unit_security_officer,
      s.is_system_security_officer,
      s.is_pjmo_member,
      s.locale,
    ])}\r\n`;
  }
}

/** Writes the staff import CSV (UTF-8) that a staff import would receive from HR. */
export async function writeStaffImportCsv(ministry: Ministry, path: string): Promise<void> {
  await pipeline(Readable.from(staffImportCsvLines(ministry)), createWriteStream(path));
}
