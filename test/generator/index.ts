export {
  COORDINATING_OFFICE_CODE,
  generateMinistry,
  type GrantedRole,
  type Ministry,
  type MinistryOptions,
  type RoleGrantRow,
  type StaffRow,
  type UnitRow,
} from './generate.ts';
export { loadMinistry, type LoadedMinistry } from './load.ts';
export {
  csvField,
  csvLine,
  STAFF_IMPORT_CSV_HEADER,
  staffImportCsvLines,
  writeStaffImportCsv,
} from './csv.ts';
