import { isAppError, type ErrorCode } from './errors.ts';

/**
 * For the rule tests: the code a rule refuses with, or `allowed` when it lets the call through,
 * so one `expect(...).toBe(...)` reads either way. Anything but an AppError is a bug and rethrown.
 */
export function refusalOf<Allowed extends string = 'ok'>(
  rule: () => void,
  allowed: Allowed = 'ok' as Allowed,
): ErrorCode | Allowed {
  try {
    rule();
    return allowed;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
