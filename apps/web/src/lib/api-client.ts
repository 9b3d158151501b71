import type { AppType } from '@kenshu/api';
import type { ErrorCode, ErrorResponse } from '@kenshu/contracts';
import { ERROR_CODES } from '@kenshu/domain';
import { hc, type ClientResponse } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';

let csrfToken: string | null = null;

/**
 * Sets the token sent as `x-csrf-token` on every request (null stops sending it). Asking who is
 * signed in (`getMe`) calls this once it knows the session's token; until then no header is sent.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The typed API client: the one way the web app talks to the API. */
export const api = hc<AppType>('/', {
  // A function, so every request reads the token current at send time.
  headers: (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
  init: { credentials: 'same-origin' },
});

/** A failed API call: the API's error code and message, or INTERNAL when the body is not ours. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  /** The API's request id, for quoting to the help desk. */
  readonly requestId: string | undefined;

  constructor(init: {
    code: ErrorCode;
    status: number;
    message: string;
    details?: Record<string, unknown> | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

/** True when `e` is an {@link ApiError}. */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The body of the success responses a client call may return: JSON, or nothing (204). */
export type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, infer Format>
    ? Status extends SuccessStatusCode
      ? Format extends 'json'
        ? Body
        : undefined
      : never
    : never;

/**
 * Awaits a client call and returns its typed success body; any other status throws an
 * {@link ApiError} carrying the API's error code, so callers and React Query see one error type.
 */
export async function unwrap<R extends ClientResponse<unknown, number, ResponseFormat>>(
  call: Promise<R>,
): Promise<SuccessBody<R>> {
  const res = await call;
  if (!res.ok) throw await toApiError(res);
  const body: unknown = res.status === 204 ? undefined : await res.json();
  // The status is a success one, so the body is the one the API declared for it.
  return body as SuccessBody<R>;
}

async function toApiError(res: { status: number; text(): Promise<string> }): Promise<ApiError> {
  return apiErrorFrom(res.status, await res.text().catch(() => ''));
}

/**
 * The {@link ApiError} for an answer's status and body text, for callers that cannot use the
 * typed client (an upload that reports progress): the API's own error, or INTERNAL.
 */
export function apiErrorFrom(status: number, text: string): ApiError {
  const body = parseErrorBody(text);
  if (body) return new ApiError({ ...body, status });
  // A proxy or gateway answered (HTML error page, empty 502): there is no API code to report.
  return new ApiError({ code: 'INTERNAL', status, message: `HTTP ${status}` });
}

// Checked by hand rather than with the contracts' zod schema: importing that would pull zod and
// the OpenAPI builder into the browser bundle for one shape check.
function parseErrorBody(
  text: string,
): (ErrorResponse['error'] & { requestId: string | undefined }) | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const { code, message, details } = json.error;
  if (!isErrorCode(code) || typeof message !== 'string') return undefined;
  return {
    code,
    message,
    details: isRecord(details) ? details : undefined,
    requestId: typeof json.requestId === 'string' ? json.requestId : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return ERROR_CODES.some((code) => code === value);
}
