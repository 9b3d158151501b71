import {
  listStaffForImport,
  listUnitsForImport,
  type Executor,
  type StaffForImport,
} from '@kenshu/db';
import {
  diffStaff,
  diffUnit,
  emptyStaffImportCounts,
  resolveStaffImportHeader,
  StaffImportFileChecks,
  validateStaffImportRecord,
  type CurrentStaff,
  type StaffImportChange,
  type StaffImportCounts,
  type StaffImportHeader,
  type StaffImportProblem,
  type StaffImportPerson,
  type StaffImportUnit,
} from '@kenshu/domain';
import {
  readStaffImportCsv,
  StaffImportCsvError,
  type StaffImportEncoding,
  type StaffImportEncodingChoice,
} from './read-csv.ts';
import type { UploadedFile } from '../uploads/receive.ts';

export type StaffImportMode = 'full' | 'partial';

/** One change the import would make, for the preview's table. */
export interface StaffImportChangeSample {
  line: number | null;
  recordType: 'unit' | 'staff';
  key: string;
  name: string;
  change: Exclude<StaffImportChange, 'unchanged'> | 'deactivated';
  fields: string[];
}

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
   * Called with each batch of valid people the import must write (new, changed, or whose
   * membership history needs repair), in file order: the apply stages them. Unchanged people
   * are left out, so a re-import stages and writes only what differs.
   */
  onStaffBatch?: (batch: StaffToWrite[]) => Promise<void>;
  /** Called with the active people a full import deactivates (the apply stages them). */
  onGone?: (staffNumbers: string[]) => Promise<void>;
  /** Called once with the file's valid units, after the last record. */
  onUnits?: (units: StaffImportUnit[]) => Promise<void>;
  onProgress?: (rows: number) => void;
}

/** A person from the file that the import will write. */
export interface StaffToWrite extends StaffImportPerson {
  isNew: boolean;
}

// Rows staged per statement: few round trips, and a batch stays a few megabytes.
const BATCH = 5_000;
// People read ahead while the database's states are still on their way (a few megabytes).
const MAX_UNSETTLED = 40_000;

/** Everyone in the database by staff number, and who holds each e-mail (lower case). */
interface KnownStaff {
  states: Map<string, StaffForImport>;
  emailHolders: Map<string, string>;
}

/**
 * Everyone in the database, read once: the diff of each record and the e-mail check need no
 * further queries. Its size follows the database, not the file.
 */
async function loadKnownStaff(db: Executor): Promise<KnownStaff> {
  const states = new Map<string, StaffForImport>();
  const emailHolders = new Map<string, string>();
  for (const state of await listStaffForImport(db)) {
    states.set(state.staff_number, state);
    emailHolders.set(state.email.toLowerCase(), state.staff_number);
  }
  return { states, emailHolders };
}

/**
 * Reads the file once and works out everything a preview shows: every problem (per record and
 * across the file), and what would change against the database now. Remembers only keys and
 * the current batch, so memory grows slowly with the file. Writes nothing itself.
 */
export async function analyseStaffImport(
  db: Executor,
  file: UploadedFile,
  options: AnalyseOptions,
): Promise<StaffImportAnalysis> {
  const maxProblems = options.maxProblems ?? 1_000;
  const maxChanges = options.maxChanges ?? 1_000;
  // Both queries go out at once; the people's states (the larger answer) are awaited only
  // when the first records need them, so on a PostgreSQL server reading the file overlaps.
  const unitStatesQuery = listUnitsForImport(db);
  const known = loadKnownStaff(db);
  known.catch(() => undefined);
  const unitStates = await unitStatesQuery;
  const knownUnits = unitStates.map((u) => ({ code: u.code, parentCode: u.parent_code }));
  const checks = new StaffImportFileChecks(knownUnits);
  const counts = emptyStaffImportCounts();
  const problems: StaffImportProblem[] = [];
  let problemCount = 0;
  const changes: StaffImportChangeSample[] = [];
  let changeCount = 0;
  let encoding: StaffImportEncoding | null = null;
  const records = { units: 0, staff: 0 };

  const report = (found: readonly StaffImportProblem[]) => {
    problemCount += found.length;
    for (const p of found) if (problems.length < maxProblems) problems.push(p);
  };
  const sample = (change: StaffImportChangeSample) => {
    changeCount += 1;
    if (changes.length < maxChanges) changes.push(change);
  };

  let batch: StaffToWrite[] = [];
  // The batch being written while the next one is read: on a PostgreSQL server the two overlap.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await writing;
    if (problemCount === 0 && options.onStaffBatch) {
      writing = options.onStaffBatch(current);
      // Awaited at the next flush; marked handled now so a failure cannot crash the process.
      writing.catch(() => undefined);
    }
  };

  // Valid people read but not yet compared with the database, in file order.
  let unsettled: StaffImportPerson[] = [];
  let ready: KnownStaff | null = null;
  known.then(
    (k) => (ready = k),
    () => undefined,
  );
  const settle = async (force: boolean) => {
    // Until the states arrive, keep reading (up to a bound, so memory stays flat).
    if (!ready && !force && unsettled.length < MAX_UNSETTLED) return;
    const { states, emailHolders } = ready ?? (await known);
    const people = unsettled;
    unsettled = [];
    for (const staff of people) {
      const state = states.get(staff.staffNumber);
      // Only a new person or a new e-mail can clash with someone else's address.
      if (state?.email.toLowerCase() !== staff.email.toLowerCase()) {
        const holder = emailHolders.get(staff.email.toLowerCase());
        if (holder !== undefined && holder !== staff.staffNumber) {
          checks.noteEmailHolder(staff.line, staff.email, holder);
        }
      }
      const diff = diffStaff(staff, toCurrentStaff(state));
      counts.staff[diff.change] += 1;
      if (diff.change !== 'unchanged') {
        sample({
          line: staff.line,
          recordType: 'staff',
          key: staff.staffNumber,
          name: `${staff.familyName} ${staff.givenName}`,
          change: diff.change,
          fields: diff.fields,
        });
      }
      if (diff.change !== 'unchanged' || state?.membership_differs) {
        batch.push({ ...staff, isNew: state === undefined });
        if (batch.length >= BATCH) await flush();
      }
    }
  };
  const addStaff = async (staff: StaffImportPerson) => {
    unsettled.push(staff);
    if (unsettled.length >= BATCH) await settle(false);
  };

  let header: { header: StaffImportHeader; width: number } | null = null;
  try {
    reading: for await (const rows of readStaffImportCsv(
      file.path,
      options.encoding,
      (e) => (encoding = e),
    )) {
      for (const row of rows) {
        if (row.garbled) {
          report([garbled(row.line, encoding)]);
          break reading;
        }
        if (!header) {
          const resolved = resolveStaffImportHeader(row.values, row.line);
          report(resolved.problems);
          // Without the right columns no record can be read; the header's problems say why.
          if (resolved.problems.length > 0) break reading;
          header = resolved;
          continue;
        }
        const { record, problems: found } = validateStaffImportRecord(
          row.values,
          header.header,
          header.width,
          row.line,
        );
        report(found);
        if (record?.type === 'unit') {
          records.units += 1;
          report(checks.addUnit(record.unit));
        } else if (record?.type === 'staff') {
          records.staff += 1;
          const duplicates = checks.addStaff(record.staff);
          report(duplicates);
          if (duplicates.length === 0) await addStaff(record.staff);
        }
      }
      options.onProgress?.(records.units + records.staff);
    }
  } catch (error) {
    if (!(error instanceof StaffImportCsvError)) throw error;
    report([{ line: error.line, code: 'invalid_csv', message: error.message }]);
  }
  await settle(true);
  await flush();
  await writing;

  if (problemCount === 0 && !header) {
    report([{ line: 1, code: 'empty_file', message: 'The file is empty' }]);
  } else if (problemCount === 0 && records.units + records.staff === 0) {
    report([{ line: 2, code: 'no_records', message: 'The file has a header but no records' }]);
  }
  if (header && problemCount === 0) report(checks.finish(knownUnits));

  const unitStateOf = new Map(unitStates.map((u) => [u.code, u]));
  for (const unit of checks.fileUnits()) {
    const state = unitStateOf.get(unit.code);
    const diff = diffUnit(
      unit,
      state && {
        code: state.code,
        parentCode: state.parent_code,
        kind: state.kind,
        nameJa: state.name_ja,
        nameEn: state.name_en,
        active: state.active,
        noGroupSessions: !state.has_group_sessions,
      },
    );
    counts.units[diff.change] += 1;
    if (diff.change !== 'unchanged') {
      sample({
        line: unit.line,
        recordType: 'unit',
        key: unit.code,
        name: unit.nameJa,
        change: diff.change,
        fields: diff.fields,
      });
    }
  }
  if (options.mode === 'full' && header) {
    const { states } = await known;
    const gone = [...states.values()]
      .filter((person) => person.active && !checks.hasStaffNumber(person.staff_number))
      .sort((a, b) => (a.staff_number < b.staff_number ? -1 : 1));
    for (const person of gone) {
      counts.staff.deactivated += 1;
      sample({
        line: null,
        recordType: 'staff',
        key: person.staff_number,
        name: `${person.family_name} ${person.given_name}`,
        change: 'deactivated',
        fields: ['active'],
      });
    }
    if (problemCount === 0) await options.onGone?.(gone.map((person) => person.staff_number));
  }
  if (problemCount === 0) await options.onUnits?.(checks.fileUnits());

  return {
    encoding,
    records,
    counts,
    problems: problems.sort((a, b) => a.line - b.line),
    problemCount,
    changes,
    changeCount,
    inFile: (staffNumber) => checks.hasStaffNumber(staffNumber),
  };
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

function toCurrentStaff(state: StaffForImport | undefined): CurrentStaff | undefined {
  if (!state) return undefined;
  return {
    staffNumber: state.staff_number,
    familyName: state.family_name,
    givenName: state.given_name,
    familyNameKana: state.family_name_kana,
    givenNameKana: state.given_name_kana,
    email: state.email,
    unitCode: state.unit_code,
    employmentType: state.employment_type,
    sectionHead: state.is_section_head,
    unitSecurityOfficer: state.is_unit_security_officer,
    systemSecurityOfficer: state.is_system_security_officer,
    pjmoMember: state.is_pjmo_member,
    locale: state.locale,
    active: state.active,
  };
}
