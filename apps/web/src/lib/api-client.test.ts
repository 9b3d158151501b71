import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiErrorFrom, setCsrfToken, unwrap } from './api-client.ts';

function respondWith(status: number, body: string | null) {
  const fetchMock = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('unwrap', () => {
  it('returns the typed body of a successful response', async () => {
    respondWith(
      200,
      JSON.stringify({
        fiscalYear: 2026,
        labelJa: '令和8年度',
        labelEn: 'FY2026',
        firstDay: '2026-04-01',
        lastDay: '2027-03-31',
      }),
    );
    const fy = await unwrap(api.api['fiscal-years'].current.$get());
    expect(fy.fiscalYear).toBe(2026);
  });

  it('returns nothing for a 204', async () => {
    respondWith(204, null);
    expect(await unwrap(api.api.auth['sign-out'].$post())).toBeUndefined();
  });

  it('throws an ApiError carrying the code, message, details and request id of an error body', async () => {
    respondWith(
      400,
      JSON.stringify({
        error: {
          code: 'VALIDATION',
          message: 'Invalid limit: expected number',
          details: { fields: [{ field: 'limit', message: 'expected number' }] },
        },
        requestId: 'req-123',
      }),
    );
    const error = await unwrap(api.api.staff.$get({ query: { limit: 'many' } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      status: 400,
      message: 'Invalid limit: expected number',
      details: { fields: [{ field: 'limit', message: 'expected number' }] },
      requestId: 'req-123',
    });
  });

  it('reports a response that is not the API’s error shape (a proxy’s 502 page) as INTERNAL', async () => {
    respondWith(502, '<html>Bad Gateway</html>');
    await expect(unwrap(api.api['org-units'].$get())).rejects.toMatchObject({
      code: 'INTERNAL',
      status: 502,
    });
  });
});

describe('apiErrorFrom (for an upload that reports progress, outside the typed client)', () => {
  it('reads the API’s error body, and calls anything else INTERNAL', () => {
    const body = JSON.stringify({
      error: { code: 'CONFLICT', message: 'The file changed since it was checked' },
      requestId: 'req-9',
    });
    expect(apiErrorFrom(409, body)).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: 'The file changed since it was checked',
      details: undefined,
      requestId: 'req-9',
    });
    expect(apiErrorFrom(413, '<html>Request Entity Too Large</html>')).toMatchObject({
      code: 'INTERNAL',
      status: 413,
      message: 'HTTP 413',
    });
    expect(
      apiErrorFrom(400, JSON.stringify({ error: { code: 'NOT_A_CODE', message: 'x' } })),
    ).toMatchObject({ code: 'INTERNAL', status: 400 });
  });
});

describe('requests', () => {
  it('send the session cookie, and the CSRF token once one is set', async () => {
    const fetchMock = respondWith(200, JSON.stringify({ items: [] }));
    await unwrap(api.api['org-units'].$get());
    setCsrfToken('token-1');
    await unwrap(api.api['org-units'].$get());

    const [first, second] = fetchMock.mock.calls.map(([, init]) => init);
    expect(first).toMatchObject({ credentials: 'same-origin' });
    expect(new Headers(first?.headers).has('x-csrf-token')).toBe(false);
    expect(new Headers(second?.headers).get('x-csrf-token')).toBe('token-1');
  });
});
