import { EMPLOYMENT_TYPES } from '../staff.ts';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../org-units.ts';
import type { StaffImportColumn, StaffImportHeader, StaffImportProblem } from './columns.ts';
import { STAFF_IMPORT_LOCALES, type StaffImportPersonFields } from './person.ts';

export type StaffImportUnitKind = OrgUnitKind;

/** An org unit as the file lists it; the parent is referred to by code. */
export interface StaffImportUnit {
  line: number;
  code: string;
  parentCode: string | null;
  kind: StaffImportUnitKind;
  nameJa: string;
  nameEn: string;
  /**
   * The unit's staff cannot attend group sessions (they go straight to the e-learning); null
   * when the file leaves it blank or has no such column, which keeps what Kenshu has.
   */
  noGroupSessions: boolean | null;
}

/** A person as the file lists them, with the HR role flags. */
export interface StaffImportPerson extends StaffImportPersonFields {
  line: number;
}

export type StaffImportRecord =
  { type: 'unit'; unit: StaffImportUnit } | { type: 'staff'; staff: StaffImportPerson };

// Codes and staff numbers are keys other systems share: letters, digits and a few separators.
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$/;
const STAFF_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Delivery proves the rest.
const EMAIL_PATTERN = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]+$/;
const TRUE_WORDS = new Set(['1', 'true', 'yes']);
const FALSE_WORDS = new Set(['0', 'false', 'no', '']);

/**
 * Checks one record of the file against its header and turns it into a unit or a person.
 * Every problem on the line is reported, not just the first.
 */
export function validateStaffImportRecord(
  values: readonly string[],
  header: StaffImportHeader,
  width: number,
  line: number,
): { record: StaffImportRecord | null; problems: StaffImportProblem[] } {
  const problems: StaffImportProblem[] = [];
  // A trailing empty field (a comma at the end of the line) is not an extra column.
  const used = values.length > width && values.slice(width).every((v) => v.trim() === '');
  if (values.length > width && !used) {
    problems.push({
      line,
      code: 'too_many_columns',
      message: `${values.length} fields, but the header has ${width} columns`,
    });
    return { record: null, problems };
  }
  if (values.length < width) {
    problems.push({
      line,
      code: 'too_few_columns',
      message: `${values.length} fields, but the header has ${width} columns`,
    });
    return { record: null, problems };
  }
  const reader = new RecordReader(values, header, line, problems);
  const recordType = reader.get('record_type').toLowerCase();
  const record =
    recordType === 'unit'
      ? readUnit(reader)
      : recordType === 'staff'
        ? readStaff(reader)
        : unknownRecordType(reader);
  return { record: problems.length > 0 ? null : record, problems };
}

/**
 * One record's fields by column, and the problems found in them. A class rather than closures
 * made per record: the import reads hundreds of thousands of records.
 */
class RecordReader {
  constructor(
    private readonly values: readonly string[],
    private readonly header: StaffImportHeader,
    readonly line: number,
    private readonly problems: StaffImportProblem[],
  ) {}

  problem(code: StaffImportProblem['code'], message: string): void {
    this.problems.push({ line: this.line, code, message });
  }

  get(column: StaffImportColumn): string {
    const index = this.header.get(column);
    return index === undefined ? '' : (this.values[index] ?? '').trim();
  }

  required(column: StaffImportColumn, max: number): string {
    const value = this.get(column);
    if (value === '') this.problem('missing_field', `${column} is empty`);
    else if (value.length > max) {
      this.problem('invalid_field', `${column} is longer than ${max} characters`);
    }
    return value;
  }

  /** A flag that may be left blank to mean "as it is". */
  optionalFlag(column: StaffImportColumn): boolean | null {
    return this.get(column) === '' ? null : this.flag(column);
  }

  flag(column: StaffImportColumn): boolean {
    const value = this.get(column).toLowerCase();
    if (TRUE_WORDS.has(value)) return true;
    if (!FALSE_WORDS.has(value)) {
      this.problem(
        'invalid_flag',
        `${column} must be 1/0, true/false or yes/no, not "${this.get(column)}"`,
      );
    }
    return false;
  }
}

function readUnit(r: RecordReader): StaffImportRecord | null {
  const code = r.required('code', 64);
  if (code && !KEY_PATTERN.test(code)) {
    r.problem('invalid_field', `code "${code}" may hold only letters, digits and _ . - /`);
  }
  const parentCode = r.get('parent_code');
  if (parentCode && !KEY_PATTERN.test(parentCode)) {
    r.problem(
      'invalid_field',
      `parent_code "${parentCode}" may hold only letters, digits and _ . - /`,
    );
  }
  const kind = oneOf(r.get('kind').toLowerCase(), ORG_UNIT_KINDS);
  if (!kind) {
    const raw = r.get('kind');
    if (raw === '') r.problem('missing_field', 'kind is empty');
    else r.problem('unknown_kind', `Unknown kind "${raw}" (expected ${ORG_UNIT_KINDS.join(', ')})`);
  }
  const nameJa = r.required('name_ja', 200);
  const nameEn = r.required('name_en', 200);
  const noGroupSessions = r.optionalFlag('no_group_sessions');
  if (!kind) return null;
  return {
    type: 'unit',
    unit: {
      line: r.line,
      code,
      parentCode: parentCode || null,
      kind,
      nameJa,
      nameEn,
      noGroupSessions,
    },
  };
}

function readStaff(r: RecordReader): StaffImportRecord | null {
  const staffNumber = r.required('staff_number', 32);
  if (staffNumber && !STAFF_NUMBER_PATTERN.test(staffNumber)) {
    r.problem('invalid_field', `staff_number "${staffNumber}" may hold only letters, digits and -`);
  }
  const familyName = r.required('family_name', 100);
  const givenName = r.required('given_name', 100);
  const familyNameKana = r.required('family_name_kana', 100);
  const givenNameKana = r.required('given_name_kana', 100);
  const email = r.required('email', 254);
  if (email && !EMAIL_PATTERN.test(email)) {
    r.problem('invalid_email', `"${email}" is not an e-mail address`);
  }
  const unitCode = r.required('unit_code', 64);
  const rawType = r.get('employment_type');
  const employmentType = oneOf(rawType.toLowerCase(), EMPLOYMENT_TYPES);
  if (!employmentType) {
    if (rawType === '') r.problem('missing_field', 'employment_type is empty');
    else {
      r.problem(
        'unknown_employment_type',
        `Unknown employment_type "${rawType}" (expected ${EMPLOYMENT_TYPES.join(', ')})`,
      );
    }
  }
  const sectionHead = r.flag('section_head');
  const unitSecurityOfficer = r.flag('unit_security_officer');
  const systemSecurityOfficer = r.flag('system_security_officer');
  const pjmoMember = r.flag('pjmo_member');
  const rawLocale = r.get('locale').toLowerCase();
  const locale = rawLocale === '' ? 'ja' : oneOf(rawLocale, STAFF_IMPORT_LOCALES);
  if (!locale)
    r.problem('unknown_locale', `Unknown locale "${r.get('locale')}" (expected ja or en)`);
  if (!employmentType || !locale) return null;
  return {
    type: 'staff',
    staff: {
      line: r.line,
      staffNumber,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      email,
      unitCode,
      employmentType,
      sectionHead,
      unitSecurityOfficer,
      systemSecurityOfficer,
      pjmoMember,
      locale,
    },
  };
}

function unknownRecordType(r: RecordReader): null {
  const raw = r.get('record_type');
  if (raw === '') r.problem('missing_field', 'record_type is empty');
  else r.problem('unknown_record_type', `Unknown record_type "${raw}" (expected unit or staff)`);
  return null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
