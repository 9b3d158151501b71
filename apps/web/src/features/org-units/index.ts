// What other features may use of the org-units feature.
export { orgUnitKeys } from './api/keys.ts';
export { orgUnitsQueryOptions, useOrgUnits } from './api/get-org-units.ts';
