import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Metrics } from '../lib/metrics.ts';

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus scrape endpoint. It exists only when KENSHU_METRICS_TOKEN is set, and answers only
 * to `Authorization: Bearer <that token>`; otherwise it is a 404 like any unknown path.
 */
export function metricsRoutes(metrics: Metrics, token: string | undefined) {
  return new Hono<AppEnv>().get('/', async (c) => {
    if (!token) return c.notFound();
    const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!sent || !sameToken(sent, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="kenshu-metrics"');
      return c.text('A valid metrics token is required.\n', 401);
    }
    return c.body(await metrics.registry.metrics(), 200, {
      'content-type': metrics.registry.contentType,
      'cache-control': 'no-store',
    });
  });
}
