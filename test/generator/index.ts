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
export { csvField, csvLine, ROSTER_CSV_HEADER, rosterCsvLines, writeRosterCsv } from './csv.ts';
