import { STAFF_IMPORT_PERSON_FIELDS } from './person.ts';

/**
 * The staff import file's columns. Unit records and staff records share one header; each record
 * type reads only its own columns and leaves the others blank.
 */
export const STAFF_IMPORT_COLUMNS = [
  'record_type',
  'code',
  'parent_code',
  'kind',
  'name_ja',
  'name_en',
  'no_group_sessions',
  ...STAFF_IMPORT_PERSON_FIELDS.map((f) => f.column),
] as const;
export type StaffImportColumn = (typeof STAFF_IMPORT_COLUMNS)[number];

/** Columns that may be left out of the header entirely (every value is then the default). */
const OPTIONAL_COLUMNS: ReadonlySet<StaffImportColumn> = new Set(['locale', 'no_group_sessions']);

/** One problem with the file, tied to the line it was found on (1 is the header). */
export interface StaffImportProblem {
  line: number;
  code: StaffImportProblemCode;
  message: string;
}

export type StaffImportProblemCode =
  | 'empty_file'
  | 'no_records'
  | 'garbled_text'
  | 'invalid_csv'
  | 'unknown_column'
  | 'missing_column'
  | 'duplicate_column'
  | 'too_many_columns'
  | 'too_few_columns'
  | 'unknown_record_type'
  | 'missing_field'
  | 'invalid_field'
  | 'invalid_email'
  | 'unknown_kind'
  | 'unknown_employment_type'
  | 'invalid_flag'
  | 'unknown_locale'
  | 'duplicate_staff_number'
  | 'duplicate_email'
  | 'duplicate_unit_code'
  | 'email_in_use'
  | 'unknown_unit'
  | 'unknown_parent'
  | 'unit_cycle';

/** Where each known column sits in the file's records. */
export type StaffImportHeader = ReadonlyMap<StaffImportColumn, number>;

/**
 * Reads the header row: names are matched exactly after trimming and lower-casing, in any
 * order. Unknown and missing names are reported, with the closest known name as a hint.
 */
export function resolveStaffImportHeader(
  names: readonly string[],
  line = 1,
): { header: StaffImportHeader; width: number; problems: StaffImportProblem[] } {
  const header = new Map<StaffImportColumn, number>();
  const problems: StaffImportProblem[] = [];
  const unknown: string[] = [];
  names.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '' && index === names.length - 1) return; // a trailing comma on the header
    if (!isStaffImportColumn(name)) {
      unknown.push(raw.trim());
      return;
    }
    if (header.has(name)) {
      problems.push({ line, code: 'duplicate_column', message: `Column "${name}" appears twice` });
      return;
    }
    header.set(name, index);
  });
  const missing = STAFF_IMPORT_COLUMNS.filter((c) => !header.has(c) && !OPTIONAL_COLUMNS.has(c));
  for (const name of unknown) {
    const hint = closestName(name, missing.length > 0 ? missing : STAFF_IMPORT_COLUMNS);
    problems.push({
      line,
      code: 'unknown_column',
      message: `Unknown column "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
    });
  }
  for (const column of missing) {
    const hint = closestName(column, unknown);
    problems.push({
      line,
      code: 'missing_column',
      message: `Missing column "${column}"${hint ? ` (is "${hint}" meant to be it?)` : ''}`,
    });
  }
  return { header, width: names.length, problems };
}

function isStaffImportColumn(name: string): name is StaffImportColumn {
  return (STAFF_IMPORT_COLUMNS as readonly string[]).includes(name);
}

/**
 * The candidate nearest to `name` by edit distance, if it is near enough to be a plausible typo
 * (at most a third of the longer name differs). Exported for its unit test.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(wanted.length, best.name.length) / 3));
  return best.distance <= limit ? best.name : undefined;
}

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
