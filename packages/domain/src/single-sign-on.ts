/**
 * Why a single sign-on did not sign the person in; the SPA's /sign-in/sso page explains each.
 * Kept here, free of zod, because the SPA's first page reads it: importing it from the
 * contracts would pull zod and the OpenAPI extensions into every visitor's first download.
 * `not_in_roster` (not in the staff list) keeps its first name: audit rows and the page's
 * addresses carry it.
 */
export const SSO_PROBLEMS = [
  'not_in_roster',
  'deactivated',
  'domain_not_allowed',
  'cancelled',
  'expired',
  'failed',
  'unavailable',
] as const;
export type SsoProblem = (typeof SSO_PROBLEMS)[number];
