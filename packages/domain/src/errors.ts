/**
 * Every error code the application knows. Generic on purpose: later features append their own
 * (e.g. `SESSION_FULL`); only the API decides which HTTP status each one means.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CSRF_REJECTED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  // Sign-in
  'SSO_REQUIRED',
  // Booking and sessions
  'SESSION_CANCELLED',
  'BOOKING_NOT_OPEN',
  'BOOKING_CLOSED',
  'ALREADY_BOOKED',
  'ALREADY_COMPLETED',
  'SESSION_FULL',
  'COURSE_NOT_REQUIRED',
  'CAPACITY_BELOW_BOOKED',
  'INVALID_TIME_RANGE',
  'OVERLAPPING_SESSIONS',
  'SESSION_STARTED',
  'SESSION_FINALISED',
  // Attendance
  'ATTENDANCE_NOT_OPEN',
  'ATTENDANCE_LOCKED',
  'CHECK_IN_CLOSED',
  'CHECK_IN_CODE_INVALID',
  'CHECK_IN_LOCKED',
  // E-learning
  'MODULE_NOT_PUBLISHED',
  'E_LEARNING_NOT_OFFERED',
  'ATTEMPT_LIMIT_REACHED',
  'IMAGE_TOO_LARGE',
  'SCORM_PACKAGE_INVALID',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one application error type: a closed code, a human message, optional structured details. */
export class AppError extends Error {
  // Declared fields rather than constructor parameter properties, so the file stays
  // erasable TypeScript (runnable under Node's type stripping as well as tsx/vitest).
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** True when `e` is an {@link AppError}. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * `NOT_FOUND` for the named thing, e.g. `notFound('session')`. It carries no details on purpose:
 * the caller knows what they asked for, and anything more (whose booking it was, say) would tell
 * them about a record they may not read.
 */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** `FORBIDDEN`: the caller is known but may not do this. */
export function forbidden(message = 'forbidden'): AppError {
  return new AppError('FORBIDDEN', message);
}

/** `CONFLICT`: the request clashes with the current state (e.g. a duplicate). */
export function conflict(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('CONFLICT', message, details);
}

/** `VALIDATION`: the input is malformed or breaks a rule. */
export function validation(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', message, details);
}
