import { resolve } from 'node:path';

/** Everything the app reads from the environment, with its default. The README lists these. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seed: 'demo' | 'none';
  bodyLimitBytes: number;
  /** The largest HR roster file an import accepts (the general body limit does not apply). */
  rosterImportMaxBytes: number;
  webDist: string;
  production: boolean;
  /** Sign-in sessions end after this much inactivity… */
  sessionIdleMinutes: number;
  /** …and in any case this long after sign-in. */
  sessionAbsoluteHours: number;
  /** How long a one-time set-password link works. */
  passwordLinkHours: number;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the app. */
  trustProxy: boolean;
  /** Mark cookies Secure even when the request looked like plain HTTP. */
  secureCookies: boolean;
  /** Let a production start run while demo passwords exist. */
  allowDemoPasswords: boolean;
  /** The address people reach the app at, for links (set-password links, calendar feeds). */
  publicUrl: string | undefined;
  /** Run the scheduled jobs (auto-finalising rosters, assignment rules) in this instance. */
  jobs: boolean;
  /** Self check-in opens this long before a session starts (and closes when it ends). */
  checkInOpensMinutes: number;
  /** A roster nobody submitted is finalised (no-shows marked absent) this long after the end. */
  autoFinaliseHours: number;
  /** After this many days from the end, only admins (with a reason) may change marks. */
  attendanceLockDays: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  return ['1', 'true', 'yes'].includes((env[name] ?? '').toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const seed = env.KENSHU_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') {
    throw new Error(`KENSHU_SEED must be "demo" or "none", got "${seed}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.KENSHU_DATA_DIR ?? new URL('../../../.data', import.meta.url).pathname),
    seed,
    bodyLimitBytes: positive(env, 'KENSHU_BODY_LIMIT_BYTES', 1024 * 1024),
    rosterImportMaxBytes: positive(env, 'KENSHU_ROSTER_MAX_BYTES', 50 * 1024 * 1024),
    webDist: resolve(env.KENSHU_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: positive(env, 'KENSHU_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: positive(env, 'KENSHU_SESSION_ABSOLUTE_HOURS', 12),
    passwordLinkHours: positive(env, 'KENSHU_PASSWORD_LINK_HOURS', 24),
    trustProxy: flag(env, 'KENSHU_TRUST_PROXY'),
    secureCookies: flag(env, 'KENSHU_SECURE_COOKIES'),
    allowDemoPasswords: flag(env, 'KENSHU_ALLOW_DEMO_PASSWORDS'),
    publicUrl: env.KENSHU_PUBLIC_URL || undefined,
    jobs: (env.KENSHU_JOBS ?? 'on') !== 'off',
    checkInOpensMinutes: positive(env, 'KENSHU_CHECK_IN_OPENS_MINUTES', 30),
    autoFinaliseHours: positive(env, 'KENSHU_AUTO_FINALISE_HOURS', 24),
    attendanceLockDays: positive(env, 'KENSHU_ATTENDANCE_LOCK_DAYS', 7),
  };
}
