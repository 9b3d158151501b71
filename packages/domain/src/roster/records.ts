import type { RosterColumn, RosterHeader, RosterProblem } from './columns.ts';

export const ORG_UNIT_KINDS = [
  'ministry',
  'bureau',
  'regional_office',
  'division',
  'section',
] as const;
export type RosterUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const EMPLOYMENT_TYPES = ['regular', 'part_time', 'temporary'] as const;
export type RosterEmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const ROSTER_LOCALES = ['ja', 'en'] as const;
export type RosterLocale = (typeof ROSTER_LOCALES)[number];

/** An org unit as the file lists it; the parent is referred to by code. */
export interface RosterUnit {
  line: number;
  code: string;
  parentCode: string | null;
  kind: RosterUnitKind;
  nameJa: string;
  nameEn: string;
}

/** A person as the file lists them, with the HR role flags. */
export interface RosterStaff {
  line: number;
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  unitCode: string;
  employmentType: RosterEmploymentType;
  sectionHead: boolean;
  unitSecurityOfficer: boolean;
  systemSecurityOfficer: boolean;
  pjmoMember: boolean;
  locale: RosterLocale;
}

export type RosterRecord =
  { type: 'unit'; unit: RosterUnit } | { type: 'staff'; staff: RosterStaff };

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
export function validateRosterRecord(
  values: readonly string[],
  header: RosterHeader,
  width: number,
  line: number,
): { record: RosterRecord | null; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const problem = (code: RosterProblem['code'], message: string) => {
    problems.push({ line, code, message });
  };
  // A trailing empty field (a comma at the end of the line) is not an extra column.
  const used = values.length > width && values.slice(width).every((v) => v.trim() === '');
  if (values.length > width && !used) {
    problem('too_many_columns', `${values.length} fields, but the header has ${width} columns`);
    return { record: null, problems };
  }
  if (values.length < width) {
    problem('too_few_columns', `${values.length} fields, but the header has ${width} columns`);
    return { record: null, problems };
  }
  const get = (column: RosterColumn): string => {
    const index = header.get(column);
    return index === undefined ? '' : (values[index] ?? '').trim();
  };
  const required = (column: RosterColumn, max: number): string => {
    const value = get(column);
    if (value === '') problem('missing_field', `${column} is empty`);
    else if (value.length > max)
      problem('invalid_field', `${column} is longer than ${max} characters`);
    return value;
  };

  const recordType = get('record_type').toLowerCase();
  if (recordType === 'unit') {
    const code = required('code', 64);
    if (code && !KEY_PATTERN.test(code)) {
      problem('invalid_field', `code "${code}" may hold only letters, digits and _ . - /`);
    }
    const parentCode = get('parent_code');
    if (parentCode && !KEY_PATTERN.test(parentCode)) {
      problem(
        'invalid_field',
        `parent_code "${parentCode}" may hold only letters, digits and _ . - /`,
      );
    }
    const kind = oneOf(get('kind').toLowerCase(), ORG_UNIT_KINDS);
    if (!kind) {
      const raw = get('kind');
      if (raw === '') problem('missing_field', 'kind is empty');
      else problem('unknown_kind', `Unknown kind "${raw}" (expected ${ORG_UNIT_KINDS.join(', ')})`);
    }
    const nameJa = required('name_ja', 200);
    const nameEn = required('name_en', 200);
    if (problems.length > 0 || !kind) return { record: null, problems };
    return {
      record: {
        type: 'unit',
        unit: { line, code, parentCode: parentCode || null, kind, nameJa, nameEn },
      },
      problems,
    };
  }
  if (recordType === 'staff') {
    const staffNumber = required('staff_number', 32);
    if (staffNumber && !STAFF_NUMBER_PATTERN.test(staffNumber)) {
      problem('invalid_field', `staff_number "${staffNumber}" may hold only letters, digits and -`);
    }
    const familyName = required('family_name', 100);
    const givenName = required('given_name', 100);
    const familyNameKana = required('family_name_kana', 100);
    const givenNameKana = required('given_name_kana', 100);
    const email = required('email', 254);
    if (email && !EMAIL_PATTERN.test(email))
      problem('invalid_email', `"${email}" is not an e-mail address`);
    const unitCode = required('unit_code', 64);
    const rawType = get('employment_type');
    const employmentType = oneOf(rawType.toLowerCase(), EMPLOYMENT_TYPES);
    if (!employmentType) {
      if (rawType === '') problem('missing_field', 'employment_type is empty');
      else {
        problem(
          'unknown_employment_type',
          `Unknown employment_type "${rawType}" (expected ${EMPLOYMENT_TYPES.join(', ')})`,
        );
      }
    }
    const flag = (column: RosterColumn): boolean => {
      const value = get(column).toLowerCase();
      if (TRUE_WORDS.has(value)) return true;
      if (!FALSE_WORDS.has(value)) {
        problem(
          'invalid_flag',
          `${column} must be 1/0, true/false or yes/no, not "${get(column)}"`,
        );
      }
      return false;
    };
    const sectionHead = flag('section_head');
    const unitSecurityOfficer = flag('unit_security_officer');
    const systemSecurityOfficer = flag('system_security_officer');
    const pjmoMember = flag('pjmo_member');
    const rawLocale = get('locale').toLowerCase();
    const locale = rawLocale === '' ? 'ja' : oneOf(rawLocale, ROSTER_LOCALES);
    if (!locale) problem('unknown_locale', `Unknown locale "${get('locale')}" (expected ja or en)`);
    if (problems.length > 0 || !employmentType || !locale) return { record: null, problems };
    return {
      record: {
        type: 'staff',
        staff: {
          line,
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
      },
      problems,
    };
  }
  const raw = get('record_type');
  problem(
    raw === '' ? 'missing_field' : 'unknown_record_type',
    raw === '' ? 'record_type is empty' : `Unknown record_type "${raw}" (expected unit or staff)`,
  );
  return { record: null, problems };
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
