import { vi } from 'vitest';
import { ME_ADMIN } from './fixtures.ts';

type Handler = (url: URL) => { status?: number; body: unknown };

/**
 * Replaces `fetch` with a fake API: each path maps to a handler returning status and JSON body.
 * Unknown paths answer 404 in the API's error shape. Returns the mock to inspect calls.
 * Unless a test says otherwise, someone holding every role is signed in (`/api/auth/me`).
 */
export function mockApi(givenRoutes: Record<string, Handler>) {
  const routes: Record<string, Handler> = {
    '/api/auth/me': () => ({ body: ME_ADMIN }),
    ...givenRoutes,
  };
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const raw = input instanceof Request ? input.url : String(input);
    const url = new URL(raw, 'http://localhost');
    const handler = routes[url.pathname];
    const { status = 200, body } = handler
      ? handler(url)
      : {
          status: 404,
          body: {
            error: { code: 'NOT_FOUND', message: `No route ${url.pathname}` },
            requestId: 't',
          },
        };
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
