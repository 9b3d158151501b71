import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from '@kenshu/api';
import type { Clock } from '@kenshu/api/clock';
import { loadConfig, type Config } from '@kenshu/api/config';
import { findStaffByLogin, type Database } from '@kenshu/db';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signedInAs } from './auth.ts';

/** Debian's chromium by default; CHROMIUM_PATH points elsewhere (a CI image, a laptop). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Headless and quiet: no sandbox (containers run as root), no GPU, and nothing that phones home
// (updates, sync, QUIC probes), so a run works on a closed network and is repeatable.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The ministry's browsers are Japanese; the app starts in the browser's language when nobody
  // has chosen one, so a test that wants another language asks for it with its own context.
  '--lang=ja-JP',
];

/** Browser contexts speak Japanese unless a test asks otherwise. */
export const JAPANESE_BROWSER = { locale: 'ja-JP' } as const;

/** A phone as the trainer and staff points are tested on: 390×844, touch, Japanese. */
export const JAPANESE_PHONE = {
  ...JAPANESE_BROWSER,
  viewport: { width: 390, height: 844 },
  hasTouch: true,
} as const;

/**
 * Launches the system chromium for browser tests; close it in afterAll. Playwright turns the
 * back/forward cache off; `backForwardCache` keeps it on, as in people's browsers.
 */
export function launchChromium({ backForwardCache = false } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  baseUrl: string;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * Serves the whole app (API and built web app) over `database` on a free port of 127.0.0.1,
 * as `pnpm start` would. The web app must be built first.
 */
export async function startAppServer(
  database: Database,
  overrides: Partial<Config> = {},
  clock?: Clock,
  /** A port chosen beforehand (a provider must know the address to send people back to). */
  listenPort = 0,
): Promise<RunningApp> {
  const config: Config = { ...loadConfig({}), seed: 'none', ...overrides };
  if (!existsSync(join(config.webDist, 'index.html'))) {
    throw new Error(
      `No built web app in ${config.webDist}: run \`cd apps/web && npx vite build\`.`,
    );
  }
  const app = createApp({ database, config, clock });
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: listenPort, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: server as Server, port: info.port }),
    );
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive connections from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A page in a fresh browser context, signed in as the staff member with this staff number
 * (a session made directly in the database, as a successful sign-in would make it).
 */
export async function signedInPage(
  browser: Browser,
  running: RunningApp,
  database: Database,
  staffNumber: string,
  device: typeof JAPANESE_BROWSER | typeof JAPANESE_PHONE = JAPANESE_BROWSER,
  now: Date = new Date(),
): Promise<Page> {
  const staff = await findStaffByLogin(database.db, staffNumber);
  if (!staff) throw new Error(`no staff member ${staffNumber}; seed the database first`);
  const { cookie } = await signedInAs(running.app, database.db, staff.id, now);
  const separator = cookie.indexOf('=');
  const [name, value] = [cookie.slice(0, separator), cookie.slice(separator + 1)];
  const context = await browser.newContext({ ...device, acceptDownloads: true });
  await context.addCookies([{ name, value, url: running.baseUrl }]);
  return context.newPage();
}

/** Axe's findings, reduced to what a reader of a failed test needs. */
export async function accessibilityViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target),
  }));
}

/** The app and a browser for one test file; read the members inside tests, after beforeAll. */
export interface BrowserApp {
  readonly running: RunningApp;
  readonly browser: Browser;
  /** The address of `path` (e.g. `/my-training`) on the running app. */
  url(path: string): string;
  /** A fresh browser context signed in as the staff member with this staff number. */
  signedInPage(staffNumber: string): Promise<Page>;
  /** The same on a phone (JAPANESE_PHONE). */
  signedInPhone(staffNumber: string): Promise<Page>;
  /** A fresh, signed-out browser context on `path`. */
  signedOutPage(path: string): Promise<Page>;
}

/**
 * Serves the app over the file's test database and launches chromium (beforeAll, after
 * `prepare` seeds the database), and closes both when the file ends. Call after useTestDatabase.
 */
export function useBrowserApp(
  database: { readonly current: Database },
  prepare?: (database: Database) => Promise<void>,
  /** Settings read once the file's other beforeAll hooks ran (e.g. a test SMTP server's URL). */
  settings?: () => Partial<Config>,
  /** The app's time (sign-ins are made at it too); the real time by default. */
  clock: Clock = () => new Date(),
): BrowserApp {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (prepare) await prepare(database.current);
    running = await startAppServer(database.current, settings?.() ?? {}, clock);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });
  const app: BrowserApp = {
    get running() {
      if (!running) throw new Error('the app is started in beforeAll');
      return running;
    },
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      return browser;
    },
    url: (path) => `${app.running.baseUrl}${path}`,
    signedInPage: (staffNumber) =>
      signedInPage(
        app.browser,
        app.running,
        database.current,
        staffNumber,
        JAPANESE_BROWSER,
        clock(),
      ),
    signedInPhone: (staffNumber) =>
      signedInPage(
        app.browser,
        app.running,
        database.current,
        staffNumber,
        JAPANESE_PHONE,
        clock(),
      ),
    signedOutPage: async (path) => {
      const page = await (await app.browser.newContext(JAPANESE_BROWSER)).newPage();
      await page.goto(app.url(path));
      return page;
    },
  };
  return app;
}
