import { loadConfig, type Config } from '../config.ts';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../context.ts';
import { clientAddress } from './client-address.ts';

function addressSeen(config: Partial<Config>, forwardedFor?: string): Promise<string> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('config', { ...loadConfig({}), ...config });
    await next();
  });
  app.get('/', (c) => c.text(clientAddress(c)));
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  return Promise.resolve(app.request('/', { headers })).then((res) => res.text());
}

describe('the client address', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    expect(await addressSeen({ trustProxy: false }, '203.0.113.1')).toBe('unknown');
  });

  it('takes the entry our one proxy wrote: the rightmost', async () => {
    const config = { trustProxy: true, trustedProxies: 1 };
    expect(await addressSeen(config, '203.0.113.1')).toBe('203.0.113.1');
    expect(await addressSeen(config, '10.9.9.9, 1.2.3.4, 203.0.113.1')).toBe('203.0.113.1');
    expect(await addressSeen(config, 'made-up, 2001:db8::1')).toBe('2001:db8::1');
  });

  it('skips the entries our inner proxies wrote', async () => {
    const config = { trustProxy: true, trustedProxies: 2 };
    expect(await addressSeen(config, 'spoofed, 203.0.113.1, 10.0.0.2')).toBe('203.0.113.1');
    // Fewer entries than proxies: the request came by a shorter way; the first entry is the client.
    expect(await addressSeen(config, '203.0.113.1')).toBe('203.0.113.1');
  });

  it('falls back to the socket when the entry is not an address', async () => {
    const config = { trustProxy: true, trustedProxies: 1 };
    expect(await addressSeen(config, '203.0.113.1, =cmd|x')).toBe('unknown');
    expect(await addressSeen(config, '')).toBe('unknown');
  });
});
