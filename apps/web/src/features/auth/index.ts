// What other features may use of the auth feature.
export { authKeys } from './api/keys.ts';
export { ME_QUERY_KEY, meQueryOptions, useMe } from './api/get-me.ts';
export { apiFieldErrors, retryAfterSeconds, type ApiFieldError } from './utils/api-errors.ts';
