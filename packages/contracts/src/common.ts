import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ERROR_CODES } from '@kenshu/domain';

export { ERROR_CODES, type ErrorCode } from '@kenshu/domain';

/** The one error shape every failing API response has. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
    requestId: z.string(),
  })
  .openapi('ErrorResponse');
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** A person as an answer names them: who, by staff number and name. */
export const PersonRef = z.object({
  staffId: z.number().int(),
  staffNumber: z.string(),
  name: z.string(),
});

/** A person with the kana reading of their name, which lists sort and search by. */
export const PersonWithKana = PersonRef.extend({ nameKana: z.string() });

/** A person as a list of people shows them: staff number, name with its kana reading, unit. */
export const PersonOnList = PersonWithKana.extend({ unitJa: z.string(), unitEn: z.string() });
export type PersonOnList = z.infer<typeof PersonOnList>;

/** An org unit with the code HR gives it. */
export const UnitWithCode = z.object({
  id: z.number().int(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
});

/** An org unit as an answer names it, in both languages. */
export const UnitRef = UnitWithCode.omit({ code: true });

/** A person by the name parts HR keeps, for pages that address or edit them. */
export const PersonNameParts = z.object({
  staffId: z.number().int(),
  staffNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
});

/** A course as an answer names it: its code and title in both languages. */
export const CourseRef = z.object({
  id: z.number().int(),
  code: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
});

export const Locale = z.enum(['ja', 'en']).openapi('Locale');
export type Locale = z.infer<typeof Locale>;

/** The language of a CSV file or a printed page: Japanese unless asked. */
export const DocumentLanguage = z.enum(['ja', 'en']).default('ja');

/** A fiscal year given as input: the years the product accepts (see `isValidFiscalYear`). */
export const FiscalYearInput = z.number().int().min(2000).max(2100);

/** A fiscal year in a query string. */
export const FiscalYearParam = z.coerce.number().int().min(2000).max(2100);

/** `?fiscalYear=`, the current year when left out. */
export const FiscalYearQuery = z.object({ fiscalYear: FiscalYearParam.optional() });

/** The largest value a database `integer` column holds: no id or version goes above it. */
export const MAX_INTEGER = 2_147_483_647;

/** A record's id in a JSON body: a positive integer a database `integer` column can hold. */
export const Id = z.number().int().positive().max(MAX_INTEGER);

/**
 * An id in a path or a query string, e.g. ?courseId=3: digits read as a positive integer. Only
 * plain digits: `Number()` would also read `0x10`, `1e1`, ` 5` and `5.0` as ids, so one record
 * would have many addresses.
 */
export const IdInUrl = z
  .string()
  .regex(/^[1-9][0-9]*$/, 'an id is written in digits, without a leading zero')
  .transform(Number)
  .pipe(z.number().max(MAX_INTEGER));

/** The id a path names as `{name}`, e.g. /sessions/{id}/attendance/check-in-requests/{staffId}. */
export function pathId(name: string) {
  return IdInUrl.openapi({ param: { name, in: 'path' }, example: 1 });
}

/** A positive integer id in a path, e.g. /staff/{id}. */
export const IdParam = z.object({ id: pathId('id') });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/**
 * A request body in JSON. Most routes need one; `required: false` lets a client leave it out,
 * e.g. when its only field is an optional reason.
 */
export function jsonBody<T extends z.ZodType>(schema: T, { required = true } = {}) {
  return { content: { 'application/json': { schema } }, required };
}

/** A response in JSON, with what it means for the reader of the API documentation. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** An answer that is a whole list: `{ items }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** An answer that is one page of a longer list: `{ items, total }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/**
 * Declares the routes of one section of the API document (its tag), so that a file of routes
 * names its section once: `const route = routesOf('courses')`, then `route({ method, path, … })`.
 */
export function routesOf(tag: string) {
  return <P extends string, R extends Omit<RouteConfig, 'path' | 'tags'> & { path: P }>(
    config: R,
  ) => createRoute({ tags: [tag], ...config });
}

/** The standard error responses, for routes to spread into their `responses`. */
export function errorResponses(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]
) {
  const descriptions = {
    400: 'Invalid request',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict with the current state',
    413: 'Request body too large',
    415: 'Body in another format than declared',
    422: 'A file that cannot be used (e.g. a refused SCORM package)',
    429: 'Too many requests',
  } as const;
  return Object.fromEntries(
    statuses.map((s) => [s, jsonResponse(descriptions[s], ErrorResponse)]),
  ) as Record<
    (typeof statuses)[number],
    { description: string; content: { 'application/json': { schema: typeof ErrorResponse } } }
  >;
}
