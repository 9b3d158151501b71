import { STAFF_IMPORT_PERSON_FIELDS, type StaffImportPersonFields } from './person.ts';
import type { StaffImportPerson, StaffImportUnit, StaffImportUnitKind } from './records.ts';

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
export interface CurrentStaff extends StaffImportPersonFields {
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
    ...COMPARED_PERSON_FIELDS.map(({ column, property }): [string, unknown, unknown] => [
      column,
      file[property],
      current[property],
    ]),
    ['active', true, current.active],
  ]);
  return { change: changeOf(fields, 'unit_code'), fields };
}

// The staff number is the key the two sides are matched by. The unit goes first: a move is the
// change a reader looks for.
const COMPARED_PERSON_FIELDS = [
  ...STAFF_IMPORT_PERSON_FIELDS.filter((f) => f.column === 'unit_code'),
  ...STAFF_IMPORT_PERSON_FIELDS.filter(
    (f) => f.column !== 'unit_code' && f.column !== 'staff_number',
  ),
];

/**
 * Whether a person's membership (unit, HR roles, employment type) changes: these are the
 * facts kept with an effective date, so past fiscal years count people where they were.
 */
export function changesMembership(diff: StaffImportDiff): boolean {
  return diff.change === 'new' || diff.fields.some((f) => MEMBERSHIP_FIELDS.has(f));
}

const MEMBERSHIP_FIELDS = new Set<string>([
  ...STAFF_IMPORT_PERSON_FIELDS.filter((f) => 'membership' in f).map((f) => f.column),
  'active',
]);

function differing(pairs: [string, unknown, unknown][]): string[] {
  return pairs.filter(([, a, b]) => a !== b).map(([name]) => name);
}

function changeOf(fields: readonly string[], moveField: string): StaffImportChange {
  if (fields.includes(moveField)) return 'moved';
  return fields.length > 0 ? 'changed' : 'unchanged';
}
