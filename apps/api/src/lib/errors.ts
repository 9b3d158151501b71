import { isDatabaseBusy } from '@kenshu/db';
import { AppError, type ErrorCode, isAppError } from '@kenshu/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';

/** The only place that knows which HTTP status an error code means. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  SSO_REQUIRED: 403,
  SESSION_CANCELLED: 409,
  BOOKING_NOT_OPEN: 409,
  BOOKING_CLOSED: 409,
  ALREADY_BOOKED: 409,
  ALREADY_COMPLETED: 409,
  SESSION_FULL: 409,
  COURSE_NOT_REQUIRED: 409,
  CAPACITY_BELOW_BOOKED: 409,
  INVALID_TIME_RANGE: 400,
  OVERLAPPING_SESSIONS: 400,
  SESSION_STARTED: 409,
  SESSION_FINALISED: 409,
  ATTENDANCE_NOT_OPEN: 409,
  ATTENDANCE_LOCKED: 409,
  CHECK_IN_CLOSED: 409,
  CHECK_IN_CODE_INVALID: 400,
  CHECK_IN_LOCKED: 429,
  MODULE_NOT_PUBLISHED: 404,
  E_LEARNING_NOT_OFFERED: 409,
  ATTEMPT_LIMIT_REACHED: 409,
  IMAGE_TOO_LARGE: 413,
  SCORM_PACKAGE_INVALID: 422,
  INTERNAL: 500,
};

/** Turns anything thrown into the one error shape; never leaks a stack trace. */
export function errorResponse(error: unknown, c: Context<AppEnv>): Response {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') c.var.log.error({ err: error }, 'request failed');
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
  return c.json(
    {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
      requestId: c.var.requestId ?? 'unknown',
    },
    STATUS_OF[appError.code],
  );
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseBusy(error)) {
    return new AppError('UNAVAILABLE', 'The service is busy; try again in a moment', {
      retryAfterSeconds: 5,
    });
  }
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (error.status === 415)
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'This operation does not accept a body of this content type',
      );
    if (error.status === 400) return new AppError('VALIDATION', error.message || 'Invalid request');
    if (error.status === 404) return new AppError('NOT_FOUND', error.message || 'Not found');
    if (error.status === 401)
      return new AppError('UNAUTHENTICATED', error.message || 'Sign in first');
    if (error.status === 403) return new AppError('FORBIDDEN', error.message || 'Not allowed');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side');
}
