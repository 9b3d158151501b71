export { annualReport, type ReportInput } from './annual.ts';
export { yearOverYear } from './history.ts';
