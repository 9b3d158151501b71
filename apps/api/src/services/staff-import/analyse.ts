import {
  listUnitsForImport,
  stageStaffImportGone,
  stageStaffImportUnits,
  type DB,
  type Executor,
  type Transaction,
} from '@kenshu/db';
import {
  diffUnit,
  emptyStaffImportCounts,
  resolveStaffImportHeader,
  StaffImportFileChecks,
  validateStaffImportRecord,
  type CurrentUnit,
  type StaffImportCounts,
  type StaffImportHeader,
  type StaffImportProblem,
} from '@kenshu/domain';
import { loadKnownStaff, PeopleComparison, type KnownStaff } from './compare-people.ts';
import { Findings, type StaffImportChangeSample } from './findings.ts';
import {
  readStaffImportCsv,
  StaffImportCsvError,
  type CsvRow,
  type StaffImportEncoding,
  type StaffImportEncodingChoice,
} from './read-csv.ts';
import type { UploadedFile } from '../uploads/receive.ts';

export type StaffImportMode = 'full' | 'partial';

export interface StaffImportAnalysis {
  encoding: StaffImportEncoding | null;
  records: { units: number; staff: number };
  counts: StaffImportCounts;
  /** The first problems, by line; `problemCount` says how many there are in all. */
  problems: StaffImportProblem[];
  problemCount: number;
  changes: StaffImportChangeSample[];
  changeCount: number;
  /** Whether a staff number is in the file (for checks made after the analysis). */
  inFile(staffNumber: string): boolean;
}

export interface AnalyseOptions {
  encoding: StaffImportEncodingChoice;
  mode: StaffImportMode;
  maxProblems?: number;
  maxChanges?: number;
  /**
   * The apply's transaction: the analysis then stages, while the file has no problems, the
   * people the import must write (as it reads), the units, and whom a full import deactivates.
   */
  stageIn?: Transaction<DB>;
  onProgress?: (rows: number) => void;
}

/** The file as read so far: its encoding, its header once read, and how many records. */
interface FileRead {
  encoding: StaffImportEncoding | null;
  header: { header: StaffImportHeader; width: number } | null;
  records: { units: number; staff: number };
}

/**
 * Reads the file once and works out everything a preview shows: every problem (per record and
 * across the file), and what would change against the database now. Remembers only keys and
 * the current batch, so memory grows slowly with the file. Writes nothing but the apply's stage.
 */
export async function analyseStaffImport(
  db: Executor,
  file: UploadedFile,
  options: AnalyseOptions,
): Promise<StaffImportAnalysis> {
  // Both queries go out at once; the people's states (the larger answer) are awaited only
  // when the first records need them, so on a PostgreSQL server reading the file overlaps.
  const unitStatesQuery = listUnitsForImport(db);
  const known = loadKnownStaff(db);
  known.catch(() => undefined);
  const unitStates = await unitStatesQuery;

  const checks = new StaffImportFileChecks(unitStates);
  const counts = emptyStaffImportCounts();
  const findings = new Findings(options.maxProblems ?? 1_000, options.maxChanges ?? 1_000);
  const people = new PeopleComparison(known, checks, counts, findings, options.stageIn);
  const read = await readFile(file, options, checks, findings, people);
  await people.finish();

  checkWholeFile(read, checks, findings, unitStates);
  compareUnits(checks, unitStates, counts, findings);
  if (options.mode === 'full' && read.header) {
    const gone = findGone(await known, checks, counts, findings);
    if (options.stageIn && findings.problemCount === 0) {
      await stageStaffImportGone(options.stageIn, gone);
    }
  }
  if (options.stageIn && findings.problemCount === 0) {
    await stageStaffImportUnits(options.stageIn, checks.fileUnits());
  }

  return {
    encoding: read.encoding,
    records: read.records,
    counts,
    problems: findings.problems.sort((a, b) => a.line - b.line),
    problemCount: findings.problemCount,
    changes: findings.changes,
    changeCount: findings.changeCount,
    inFile: (staffNumber) => checks.hasStaffNumber(staffNumber),
  };
}

/**
 * Reads the file record by record, checking each and handing its valid people on for comparison.
 * Stops at the first unreadable line or a header without the right columns.
 */
async function readFile(
  file: UploadedFile,
  options: AnalyseOptions,
  checks: StaffImportFileChecks,
  findings: Findings,
  people: PeopleComparison,
): Promise<FileRead> {
  const read: FileRead = { encoding: null, header: null, records: { units: 0, staff: 0 } };
  try {
    const batches = readStaffImportCsv(file.path, options.encoding, (e) => (read.encoding = e));
    reading: for await (const rows of batches) {
      for (const row of rows) {
        if (row.garbled) {
          findings.report([garbled(row.line, read.encoding)]);
          break reading;
        }
        if (read.header) await readRecord(row, read.header, read, checks, findings, people);
        else if (!readHeader(row, read, findings)) break reading;
      }
      options.onProgress?.(read.records.units + read.records.staff);
    }
  } catch (error) {
    if (!(error instanceof StaffImportCsvError)) throw error;
    findings.report([{ line: error.line, code: 'invalid_csv', message: error.message }]);
  }
  return read;
}

/** Reads the header row; false when it lacks the right columns (its problems say why). */
function readHeader(row: CsvRow, read: FileRead, findings: Findings): boolean {
  const resolved = resolveStaffImportHeader(row.values, row.line);
  findings.report(resolved.problems);
  if (resolved.problems.length > 0) return false;
  read.header = resolved;
  return true;
}

async function readRecord(
  row: CsvRow,
  header: NonNullable<FileRead['header']>,
  read: FileRead,
  checks: StaffImportFileChecks,
  findings: Findings,
  people: PeopleComparison,
): Promise<void> {
  const { record, problems } = validateStaffImportRecord(
    row.values,
    header.header,
    header.width,
    row.line,
  );
  findings.report(problems);
  if (record?.type === 'unit') {
    read.records.units += 1;
    findings.report(checks.addUnit(record.unit));
  } else if (record?.type === 'staff') {
    read.records.staff += 1;
    const duplicates = checks.addStaff(record.staff);
    findings.report(duplicates);
    if (duplicates.length === 0) await people.add(record.staff);
  }
}

/** The problems only the whole file shows: no records at all, or a broken unit tree. */
function checkWholeFile(
  read: FileRead,
  checks: StaffImportFileChecks,
  findings: Findings,
  unitStates: readonly CurrentUnit[],
): void {
  if (findings.problemCount === 0 && !read.header) {
    findings.report([{ line: 1, code: 'empty_file', message: 'The file is empty' }]);
  } else if (findings.problemCount === 0 && read.records.units + read.records.staff === 0) {
    findings.report([
      { line: 2, code: 'no_records', message: 'The file has a header but no records' },
    ]);
  }
  if (read.header && findings.problemCount === 0) findings.report(checks.finish(unitStates));
}

function compareUnits(
  checks: StaffImportFileChecks,
  unitStates: readonly CurrentUnit[],
  counts: StaffImportCounts,
  findings: Findings,
): void {
  const unitStateOf = new Map(unitStates.map((u) => [u.code, u]));
  for (const unit of checks.fileUnits()) {
    const diff = diffUnit(unit, unitStateOf.get(unit.code));
    counts.units[diff.change] += 1;
    if (diff.change !== 'unchanged') {
      findings.sample({
        line: unit.line,
        recordType: 'unit',
        key: unit.code,
        name: unit.nameJa,
        change: diff.change,
        fields: diff.fields,
      });
    }
  }
}

/** The active people a full import deactivates (not in its file), by staff number. */
function findGone(
  known: KnownStaff,
  checks: StaffImportFileChecks,
  counts: StaffImportCounts,
  findings: Findings,
): string[] {
  const gone = [...known.states.values()]
    .filter((person) => person.active && !checks.hasStaffNumber(person.staffNumber))
    .sort((a, b) => (a.staffNumber < b.staffNumber ? -1 : 1));
  for (const person of gone) {
    counts.staff.deactivated += 1;
    findings.sample({
      line: null,
      recordType: 'staff',
      key: person.staffNumber,
      name: `${person.familyName} ${person.givenName}`,
      change: 'deactivated',
      fields: ['active'],
    });
  }
  return gone.map((person) => person.staffNumber);
}

function garbled(line: number, encoding: StaffImportEncoding | null): StaffImportProblem {
  const hint =
    encoding === 'utf-8'
      ? 'If the file came from an HR system as Shift_JIS, choose the CP932 encoding.'
      : 'Save the file as UTF-8 or Shift_JIS (CP932) and try again.';
  return {
    line,
    code: 'garbled_text',
    message: `Line ${line} is not readable as ${encoding === 'cp932' ? 'CP932 (Shift_JIS)' : 'UTF-8'} text. ${hint}`,
  };
}
