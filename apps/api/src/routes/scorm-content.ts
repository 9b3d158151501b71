import { Readable } from 'node:stream';
import type { Database } from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { AppEnv } from '../context.ts';
import type { Clock } from '../lib/clock.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { serviceContext } from '../lib/service-context.ts';
import { openScormFile } from '../services/e-learning/scorm-runtime.ts';

/**
 * What a package's own files may do: load from Kenshu's origin only (no other host to send
 * data to), run their scripts (SCORM content needs inline script and often eval), no plugins,
 * no form posts, and be framed only by Kenshu's own player. app.ts sets it on every answer
 * under /scorm-content (after the app-wide policy, which forbids framing).
 */
export const SCORM_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Package files, at /scorm-content/<package>/<path>: outside /api and its OpenAPI document (a
 * path of any depth is not an OpenAPI parameter). Access is checked in openScormFile: a
 * signed-in person allowed to take the module; anyone else gets 404 as for a missing file.
 */
export function scormContentRoutes(database: Database, config: Config, clock: Clock) {
  return (
    new Hono<AppEnv>()
      .use('*', async (c, next) => {
        c.set('database', database);
        c.set('config', config);
        c.set('clock', clock);
        await next();
      })
      .use('*', authenticate)
      .get('/:packageId{[0-9]{1,9}}/*', async (c) => {
        const prefix = `/scorm-content/${c.req.param('packageId')}/`;
        const path = decodeURIComponent(c.req.path.slice(prefix.length));
        const file = await openScormFile({
          ctx: serviceContext(c),
          input: { packageId: Number(c.req.param('packageId')), path },
        });
        c.header('X-Content-Type-Options', 'nosniff');
        c.header('Cache-Control', 'private, no-cache');
        c.header('Content-Type', file.contentType);
        c.header('Content-Length', String(file.size));
        return c.body(Readable.toWeb(file.stream) as ReadableStream);
      })
      // Anything else here is a missing file, never the SPA's page.
      .all('*', () => {
        throw new AppError('NOT_FOUND', 'No such file');
      })
  );
}
