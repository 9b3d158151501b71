// What other features may use of the org-units feature.
export { orgUnitsQueryOptions, useOrgUnits } from './api/get-org-units.ts';
