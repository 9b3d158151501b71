import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

/**
 * A request id a client may choose (to follow one action through a proxy's logs): letters,
 * digits, "-" and "_", starting with a letter or digit, 8 to 64 characters. It ends up in the
 * audit log and its CSV, so anything else is replaced by an id of our own.
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;

/** Sets `requestId` (the client's, if well-formed, or a fresh UUID) and echoes it as X-Request-Id. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const sent = c.req.header('x-request-id');
  const id = sent !== undefined && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
});
