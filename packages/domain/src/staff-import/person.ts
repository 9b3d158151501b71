import type { EmploymentType } from '../staff.ts';

export const STAFF_IMPORT_LOCALES = ['ja', 'en'] as const;
export type StaffImportLocale = (typeof STAFF_IMPORT_LOCALES)[number];

/**
 * The fields of a person in the HR file, defined once and in the file's order: the file's
 * column, the property a person record holds it in, and its name in the database's rows (the
 * staff table's column; the unit travels by code). `membership` marks the facts kept with an
 * effective date. The record types, the file's header, the import's queries and the test
 * generator's rows are all built from this list.
 */
export const STAFF_IMPORT_PERSON_FIELDS = [
  { column: 'staff_number', property: 'staffNumber', row: 'staff_number', kind: 'text' },
  { column: 'family_name', property: 'familyName', row: 'family_name', kind: 'text' },
  { column: 'given_name', property: 'givenName', row: 'given_name', kind: 'text' },
  { column: 'family_name_kana', property: 'familyNameKana', row: 'family_name_kana', kind: 'text' },
  { column: 'given_name_kana', property: 'givenNameKana', row: 'given_name_kana', kind: 'text' },
  { column: 'email', property: 'email', row: 'email', kind: 'text' },
  {
    column: 'unit_code',
    property: 'unitCode',
    row: 'unit_code',
    kind: 'text',
    membership: true,
  },
  {
    column: 'employment_type',
    property: 'employmentType',
    row: 'employment_type',
    kind: 'employment_type',
    membership: true,
  },
  {
    column: 'section_head',
    property: 'sectionHead',
    row: 'is_section_head',
    kind: 'flag',
    membership: true,
  },
  {
    column: 'unit_security_officer',
    property: 'unitSecurityOfficer',
    row: 'is_unit_security_officer',
    kind: 'flag',
    membership: true,
  },
  {
    column: 'system_security_officer',
    property: 'systemSecurityOfficer',
    row: 'is_system_security_officer',
    kind: 'flag',
    membership: true,
  },
  {
    column: 'pjmo_member',
    property: 'pjmoMember',
    row: 'is_pjmo_member',
    kind: 'flag',
    membership: true,
  },
  { column: 'locale', property: 'locale', row: 'locale', kind: 'locale' },
] as const;

export type StaffImportPersonField = (typeof STAFF_IMPORT_PERSON_FIELDS)[number];

/** The value each kind of field holds. */
interface StaffImportFieldValue {
  text: string;
  flag: boolean;
  employment_type: EmploymentType;
  locale: StaffImportLocale;
}

/** A person's fields as records in the import hold them (`sectionHead`). */
export type StaffImportPersonFields = {
  [F in StaffImportPersonField as F['property']]: StaffImportFieldValue[F['kind']];
};

/** The same fields under their names in the database's rows (`is_section_head`). */
export type StaffImportPersonRow = {
  [F in StaffImportPersonField as F['row']]: StaffImportFieldValue[F['kind']];
};
