import { isApiError } from '../../../lib/api-client.ts';

/** A field's error as the API reports it: a path such as `email` and an English message. */
export interface ApiFieldError {
  field: string;
  message: string;
}

/**
 * The fields an API error names: `details.fields` of a VALIDATION error, or `details.field` of a
 * CONFLICT (a duplicate), so forms can show each message under its own field.
 */
export function apiFieldErrors(error: unknown): ApiFieldError[] {
  if (!isApiError(error) || !error.details) return [];
  const { fields, field } = error.details;
  const found: ApiFieldError[] = [];
  if (Array.isArray(fields)) {
    for (const item of fields) {
      if (isRecord(item) && typeof item.field === 'string') {
        found.push({
          field: item.field,
          message: typeof item.message === 'string' ? item.message : error.message,
        });
      }
    }
  }
  if (typeof field === 'string') found.push({ field, message: error.message });
  return found;
}

/** Whole seconds until the API lets a locked-out sign-in try again, if it said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!isApiError(error) || error.code !== 'RATE_LIMITED') return undefined;
  const value = error.details?.retryAfterSeconds;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
