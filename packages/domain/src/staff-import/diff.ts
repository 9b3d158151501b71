import type { EmploymentType } from '../staff.ts';
import type {
  StaffImportLocale,
  StaffImportPerson,
  StaffImportUnit,
  StaffImportUnitKind,
} from './records.ts';

/** A unit as it is in the database now, in the file's terms. */
export interface CurrentUnit {
  code: string;
  parentCode: string | null;
  kind: StaffImportUnitKind;
  nameJa: string;
  nameEn: string;
  active: boolean;
  noGroupSessions: boolean;
}

/** A person as they are in the database now, in the file's terms. */
export interface CurrentStaff {
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  unitCode: string;
  employmentType: EmploymentType;
  sectionHead: boolean;
  unitSecurityOfficer: boolean;
  systemSecurityOfficer: boolean;
  pjmoMember: boolean;
  locale: StaffImportLocale;
  active: boolean;
}

/**
 * What an import does to one record. `moved` means a new parent (units) or a new unit (people),
 * whatever else changed with it; `changed` is any other difference, including reactivation.
 */
export type StaffImportChange = 'new' | 'changed' | 'moved' | 'unchanged';

export interface StaffImportDiff {
  change: StaffImportChange;
  /** The fields that differ, in file column names (plus `active` for a reactivation). */
  fields: string[];
}

export interface StaffImportCounts {
  staff: Record<StaffImportChange | 'deactivated', number>;
  units: Record<StaffImportChange, number>;
}

export function emptyStaffImportCounts(): StaffImportCounts {
  return {
    staff: { new: 0, changed: 0, moved: 0, deactivated: 0, unchanged: 0 },
    units: { new: 0, changed: 0, moved: 0, unchanged: 0 },
  };
}

export function diffUnit(file: StaffImportUnit, current: CurrentUnit | undefined): StaffImportDiff {
  if (!current) return { change: 'new', fields: [] };
  const fields = differing([
    ['parent_code', file.parentCode, current.parentCode],
    ['kind', file.kind, current.kind],
    ['name_ja', file.nameJa, current.nameJa],
    ['name_en', file.nameEn, current.nameEn],
    ['active', true, current.active],
    // Blank in the file keeps what Kenshu has (an admin may have set it on the organisation page).
    ['no_group_sessions', file.noGroupSessions ?? current.noGroupSessions, current.noGroupSessions],
  ]);
  return { change: changeOf(fields, 'parent_code'), fields };
}

export function diffStaff(
  file: StaffImportPerson,
  current: CurrentStaff | undefined,
): StaffImportDiff {
  if (!current) return { change: 'new', fields: [] };
  const fields = differing([
    ['unit_code', file.unitCode, current.unitCode],
    ['family_name', file.familyName, current.familyName],
    ['given_name', file.givenName, current.givenName],
    ['family_name_kana', file.familyNameKana, current.familyNameKana],
    ['given_name_kana', file.givenNameKana, current.givenNameKana],
    ['email', file.email, current.email],
    ['employment_type', file.employmentType, current.employmentType],
    ['section_head', file.sectionHead, current.sectionHead],
    ['unit_security_officer', file.unitSecurityOfficer, current.unitSecurityOfficer],
    ['system_security_officer', file.systemSecurityOfficer, current.systemSecurityOfficer],
    ['pjmo_member', file.pjmoMember, current.pjmoMember],
    ['locale', file.locale, current.locale],
    ['active', true, current.active],
  ]);
  return { change: changeOf(fields, 'unit_code'), fields };
}

/**
 * Whether a person's membership (unit, HR roles, employment type) changes: these are the
 * facts kept with an effective date, so past fiscal years count people where they were.
 */
export function changesMembership(diff: StaffImportDiff): boolean {
  return diff.change === 'new' || diff.fields.some((f) => MEMBERSHIP_FIELDS.has(f));
}

const MEMBERSHIP_FIELDS = new Set([
  'unit_code',
  'employment_type',
  'section_head',
  'unit_security_officer',
  'system_security_officer',
  'pjmo_member',
  'active',
]);

function differing(pairs: [string, unknown, unknown][]): string[] {
  return pairs.filter(([, a, b]) => a !== b).map(([name]) => name);
}

function changeOf(fields: readonly string[], moveField: string): StaffImportChange {
  if (fields.includes(moveField)) return 'moved';
  return fields.length > 0 ? 'changed' : 'unchanged';
}
