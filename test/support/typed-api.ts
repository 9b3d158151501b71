import type { ErrorResponse } from '@kenshu/contracts';
import type { AppType } from '@kenshu/api';
import { hc, type ClientResponse } from 'hono/client';
import { testClient } from 'hono/testing';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { expect } from 'vitest';
import type { SignedInClient } from './auth.ts';

/**
 * The app's typed client (Hono's testClient) as a signed-in person: paths, inputs and answers
 * are checked by the compiler, the same way the web app's client is, so a renamed route or a
 * changed answer fails the typecheck rather than a string path at run time.
 */
export function typedApi(app: AppType, as: Pick<SignedInClient, 'cookie' | 'csrfToken'>) {
  return testClient(app, undefined, undefined, {
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
  }).api;
}

/** The app's typed client as someone not signed in: no cookie, no CSRF token. */
export function publicApi(app: AppType) {
  return testClient(app).api;
}

/**
 * The app's typed client over HTTP to a server running at `base` (a spawned process), as a
 * signed-in person when given: what typedApi and publicApi are for the app inside the test.
 */
export function serverApi(base: string, as?: Pick<SignedInClient, 'cookie' | 'csrfToken'>) {
  const headers = as && { cookie: as.cookie, 'x-csrf-token': as.csrfToken };
  return hc<AppType>(base, { headers }).api;
}

type AnyResponse = ClientResponse<unknown, number, ResponseFormat>;

/** The success statuses the API declared for this call. */
type SuccessStatus<R> =
  R extends ClientResponse<unknown, infer Status, ResponseFormat>
    ? Extract<Status, SuccessStatusCode>
    : never;

/** The body the API declared for a success status of this call. */
type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/**
 * Expects a success answer (with this status, when given: one the API declared for the call) and
 * returns its typed body; otherwise fails, showing the body.
 */
export async function okBody<R extends AnyResponse>(
  call: Promise<R>,
  status?: SuccessStatus<R>,
): Promise<SuccessBody<R>> {
  const res = await call;
  const body: unknown = await res.json();
  expect(res.ok, JSON.stringify(body)).toBe(true);
  if (status !== undefined) expect(res.status, JSON.stringify(body)).toBe(status);
  // A success status, so the body is the one the API declared for it.
  return body as SuccessBody<R>;
}

/** Expects this success status, for a call whose answer has no body to read (e.g. a 204). */
export async function okStatus<R extends AnyResponse>(call: Promise<R>, status: SuccessStatus<R>) {
  const res = await call;
  expect(res.status, await res.text()).toBe(status);
}

/** Expects a failing answer and returns its status and the API's error code. */
export async function failure(call: Promise<AnyResponse>) {
  const { status, error } = await failureBody(call);
  return { status, code: error.code };
}

/** Expects a failing answer and returns its status and the whole error: code, message, details. */
export async function failureBody(call: Promise<AnyResponse>) {
  const res = await call;
  const body = (await res.json()) as ErrorResponse;
  expect(res.ok, JSON.stringify(body)).toBe(false);
  return { status: res.status, error: body.error };
}
