import { join, resolve } from 'node:path';

/** Everything the app reads from the environment, with its default. The README lists these. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Private folder (0700) for roster uploads while they are checked and applied. */
  uploadDir: string;
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
  /** How many reverse proxies in front of the app append to X-Forwarded-For (with trustProxy). */
  trustedProxies: number;
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
  /** Where e-mail goes (smtp://user:pass@host:587 or smtps://…); none: kept in the outbox only. */
  smtpUrl: string | undefined;
  /** The From address of every e-mail, e.g. `研修事務局 <kenshu@example.go.jp>`. */
  mailFrom: string;
  /** Refuse a mail server whose TLS certificate does not verify (turn off only for testing). */
  smtpTlsRejectUnauthorized: boolean;
  /** A PEM file of the certificate authorities to trust for the mail server. */
  smtpTlsCaFile: string | undefined;
  /** Insist on STARTTLS on a smtp:// connection. */
  smtpRequireTls: boolean;
  /** How many connections to the mail server deliver at once. */
  smtpConnections: number;
  /** How many messages one delivery round claims. */
  mailBatchSize: number;
  /** How long a worker holds a claimed message before another may take it over. */
  mailClaimSeconds: number;
  /** Scheduled reminders go out only between these Tokyo times ('HH:MM'), on working days. */
  reminderHours: { from: string; until: string };
  /** At most one reminder per person in this many days, whoever sends it. */
  reminderCapDays: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positive(env, name, fallback);
  if (!Number.isInteger(value))
    throw new Error(`${name} must be a whole number, got "${env[name]}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback = false): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '') return fallback;
  return ['1', 'true', 'yes'].includes(raw);
}

function hours(env: NodeJS.ProcessEnv, name: string, fallback: string) {
  const raw = env[name] || fallback;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/.exec(raw);
  const [from, until] = raw.split('-');
  if (!match || !from || !until || from >= until)
    throw new Error(`${name} must be a range of Tokyo times like 09:00-17:00, got "${raw}"`);
  return { from, until };
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.KENSHU_SMTP_URL;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('KENSHU_SMTP_URL must be a URL like smtp://user:pass@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`KENSHU_SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  return raw;
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
  const dataDir = resolve(
    env.KENSHU_DATA_DIR ?? new URL('../../../.data', import.meta.url).pathname,
  );
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    uploadDir: resolve(env.KENSHU_UPLOAD_DIR || join(dataDir, 'uploads')),
    seed,
    bodyLimitBytes: positive(env, 'KENSHU_BODY_LIMIT_BYTES', 1024 * 1024),
    rosterImportMaxBytes: positive(env, 'KENSHU_ROSTER_MAX_BYTES', 50 * 1024 * 1024),
    webDist: resolve(env.KENSHU_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: positive(env, 'KENSHU_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: positive(env, 'KENSHU_SESSION_ABSOLUTE_HOURS', 12),
    passwordLinkHours: positive(env, 'KENSHU_PASSWORD_LINK_HOURS', 24),
    trustProxy: flag(env, 'KENSHU_TRUST_PROXY'),
    trustedProxies: wholeNumber(env, 'KENSHU_TRUSTED_PROXIES', 1),
    secureCookies: flag(env, 'KENSHU_SECURE_COOKIES'),
    allowDemoPasswords: flag(env, 'KENSHU_ALLOW_DEMO_PASSWORDS'),
    publicUrl: env.KENSHU_PUBLIC_URL || undefined,
    jobs: (env.KENSHU_JOBS ?? 'on') !== 'off',
    checkInOpensMinutes: positive(env, 'KENSHU_CHECK_IN_OPENS_MINUTES', 30),
    autoFinaliseHours: positive(env, 'KENSHU_AUTO_FINALISE_HOURS', 24),
    attendanceLockDays: positive(env, 'KENSHU_ATTENDANCE_LOCK_DAYS', 7),
    smtpUrl: smtpUrl(env),
    mailFrom: env.KENSHU_MAIL_FROM || 'Kenshu <kenshu@localhost>',
    smtpTlsRejectUnauthorized: flag(env, 'KENSHU_SMTP_TLS_REJECT_UNAUTHORIZED', true),
    smtpTlsCaFile: env.KENSHU_SMTP_TLS_CA_FILE || undefined,
    smtpRequireTls: flag(env, 'KENSHU_SMTP_REQUIRE_TLS'),
    smtpConnections: positive(env, 'KENSHU_SMTP_CONNECTIONS', 3),
    mailBatchSize: positive(env, 'KENSHU_MAIL_BATCH', 100),
    mailClaimSeconds: positive(env, 'KENSHU_MAIL_CLAIM_SECONDS', 300),
    reminderHours: hours(env, 'KENSHU_REMINDER_HOURS', '09:00-17:00'),
    reminderCapDays: positive(env, 'KENSHU_REMINDER_CAP_DAYS', 3),
  };
}
