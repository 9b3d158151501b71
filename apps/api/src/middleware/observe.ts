import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../lib/metrics.ts';

/**
 * Gives the request a logger that stamps every line with its request id, then writes one line
 * when the answer is ready and times it for /metrics. Lines carry the route pattern
 * (`/api/sessions/:id`), never the URL: paths and query strings can hold tokens and names.
 */
export function observe(logger: Logger, metrics: Metrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const log = logger.child({ requestId: c.var.requestId });
    c.set('log', log);
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = c.req.path.startsWith('/api/') ? routePath(c) : 'web';
      const status = c.res.status;
      metrics.requestDuration.observe({ method: c.req.method, route, status }, seconds);
      if (route === '/api/auth/sign-in' && c.req.method === 'POST' && status >= 400)
        metrics.signInFailures.inc({ status });
      log.info(
        { method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10 },
        'request',
      );
    }
  });
}
