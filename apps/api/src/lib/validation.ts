import { AppError } from '@kenshu/domain';
import type { z } from '@hono/zod-openapi';

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The zod-openapi hook every sub-app uses: a failed validation becomes a VALIDATION error that
 * names the offending fields, and goes through the one error handler like any other error.
 * Input that passed its schema is also searched for text no column can hold (below), so every
 * string of every operation — body, query and path alike — is refused in this one place.
 */
export function validationHook(
  result: { success: true; data: unknown } | { success: false; error: z.ZodError },
): void {
  const fields = result.success
    ? unstorableText(result.data)
    : result.error.issues.map((issue) => ({
        field: fieldName(issue.path),
        message: issue.message,
      }));
  const first = fields[0];
  if (!first) return;
  throw new AppError('VALIDATION', `Invalid ${first.field}: ${first.message}`, { fields });
}

// PostgreSQL text cannot hold NUL, and a UTF-16 surrogate without its pair cannot be encoded as
// UTF-8 at all (jsonb refuses it); either would fail deep in a query as a 500.
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** The dotted path of a field; a key that is itself unstorable is shown with U+FFFD in its place. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key).replace(UNSTORABLE_ALL, '\ufffd')).join('.') || '(body)';
}

const UNSTORABLE_MESSAGE = 'must not contain NUL or unpaired surrogate characters';

/** Every string (and object key) in parsed input that the database could not store. */
export function unstorableText(value: unknown, path: PropertyKey[] = []): FieldProblem[] {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value) ? [{ field: fieldName(path), message: UNSTORABLE_MESSAGE }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableText(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(UNSTORABLE.test(key)
        ? [{ field: fieldName([...path, key]), message: UNSTORABLE_MESSAGE }]
        : []),
      ...unstorableText(item, [...path, key]),
    ]);
  }
  return [];
}
