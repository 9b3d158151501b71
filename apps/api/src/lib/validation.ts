import { AppError } from '@kenshu/domain';
import type { z } from '@hono/zod-openapi';

/**
 * The zod-openapi hook every sub-app uses: a failed validation becomes a VALIDATION error that
 * names the offending fields, and goes through the one error handler like any other error.
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
): void {
  if (result.success) return;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const first = fields[0];
  throw new AppError(
    'VALIDATION',
    first ? `Invalid ${first.field}: ${first.message}` : 'Invalid request',
    { fields },
  );
}
