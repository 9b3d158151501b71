import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';

/**
 * What a browser on a slow office network gets: compressed files, hashed assets it may keep for a
 * year, and an index.html it checks on every visit. Needs the built web app (`pnpm test` builds it).
 * Raw requests on purpose: pages, assets and the OpenAPI document are not typed API routes, and
 * what is checked here is the bytes and headers, not an answer's body.
 */
const t = useTestApp();

/**
 * The largest script index.html loads (its entry or a modulepreload): the entry itself is a
 * few hundred bytes, below the size the build bothers to compress.
 */
function largestScript(): string {
  const scripts = scriptsOf('index.html');
  if (scripts.length === 0) throw new Error('index.html names no script');
  const size = (src: string) => statSync(join(configDist(), src)).size;
  return scripts.reduce((a, b) => (size(b) > size(a) ? b : a));
}

/** The scripts an HTML page of the build loads: its entry and every modulepreload. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(configDist(), page), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

function configDist(): string {
  return new URL('../../apps/web/dist', import.meta.url).pathname;
}

describe('delivering the web app', () => {
  it('sends index.html for every page, to be checked again on each visit', async () => {
    const indexHtml = readFileSync(join(configDist(), 'index.html'), 'utf8');
    for (const path of ['/', '/my-training', '/sign-in/sso?problem=failed', '/set-password']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await res.text(), path).toBe(indexHtml);
    }
  });

  it('sends sign-in its own page, without the app’s router, checked again on each visit', async () => {
    const signInHtml = readFileSync(join(configDist(), 'sign-in.html'), 'utf8');
    expect(signInHtml).not.toBe(readFileSync(join(configDist(), 'index.html'), 'utf8'));
    for (const path of [
      '/sign-in',
      '/sign-in?next=%2Fteam%3Fstatus%3Dall',
      '/sign-in?reason=expired',
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await res.text(), path).toBe(signInHtml);
    }
    // Under their file names too, the pages name this build's files: checked on each visit.
    for (const [path, html] of [
      ['/sign-in.html', signInHtml],
      ['/index.html', readFileSync(join(configDist(), 'index.html'), 'utf8')],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toBe(html);
    }
  });

  it('has sign-in load none of the router, which the app loads', () => {
    // A key TanStack Router's history writes into every history entry.
    const hasRouter = (script: string) =>
      readFileSync(join(configDist(), script), 'utf8').includes('__TSR_index');
    expect(scriptsOf('index.html').some(hasRouter)).toBe(true);
    expect(scriptsOf('sign-in.html').filter(hasRouter)).toEqual([]);
  });

  it('sends hashed assets brotli- or gzip-compressed, to be kept for a year', async () => {
    const script = largestScript();
    const plain = readFileSync(join(configDist(), script));
    const br = await t.app.request(script, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);

    const gz = await t.app.request(script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);

    const none = await t.app.request(script);
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await none.arrayBuffer()).equals(plain)).toBe(true);
  });

  it('answers a missing asset with 404, not with the page, and not for a year', async () => {
    const res = await t.app.request('/assets/no-such-file-123.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });

  it('lets the browser keep the icon for a day', async () => {
    const res = await t.app.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('compresses API answers for a browser that accepts gzip', async () => {
    const res = await t.app.request('/api/openapi.json', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(body.openapi).toBe('3.1.0');
  });
});
