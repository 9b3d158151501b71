import { join, resolve, sep } from 'node:path';
import { z } from 'zod';

/** Everything the app reads from the environment, with its default. The README lists these. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * Private folder (0700) for uploads (staff import files, SCORM packages) while they are checked
   * and applied.
   */
  uploadDir: string;
  seed: 'demo' | 'none';
  bodyLimitBytes: number;
  /**
   * The largest staff import file accepted (the general body limit does not apply). Its variable
   * keeps the import's earlier name, KENSHU_ROSTER_MAX_BYTES: deployments already set it.
   */
  staffImportMaxBytes: number;
  /** Where imported e-learning packages (SCORM) are unpacked, one folder per package. */
  contentDir: string;
  /** Limits on a SCORM package: the uploaded zip, its unpacked size and its number of files. */
  scormLimits: ScormLimits;
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
  /**
   * Run the scheduled jobs (auto-finalising attendance sheets, assignment rules) in this instance.
   */
  jobs: boolean;
  /**
   * On PostgreSQL, a running job sends a heartbeat; one silent this long (its instance died) is
   * retried by another instance.
   */
  jobHeartbeatSeconds: number;
  /** Self check-in opens this long before a session starts (and closes when it ends). */
  checkInOpensMinutes: number;
  /** A person's wrong typed check-in codes per session before they cannot self-check-in to it. */
  checkInWrongCodeLimit: number;
  /**
   * Signs the check-in QR codes' tokens (with each session's own secret). Every instance must
   * share it; unset, the session's secret alone signs them.
   */
  checkInSecret: string | undefined;
  /**
   * An attendance sheet nobody submitted is finalised (no-shows marked absent) this long after the
   * end.
   */
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
  /** How much the JSON log says: one line per request at `info`. */
  logLevel: LogLevel;
  /** Set: /metrics answers to `Authorization: Bearer <token>`. Unset: /metrics does not exist. */
  metricsToken: string | undefined;
  /** On SIGTERM, how long in-flight requests and running jobs get before the process exits. */
  shutdownSeconds: number;
  /**
   * Single sign-on through an OpenID Connect provider; undefined when KENSHU_OIDC_ISSUER is unset.
   */
  oidc: OidcConfig | undefined;
}

/** Single sign-on (OpenID Connect, authorization code flow with PKCE). */
export interface OidcConfig {
  /**
   * The provider's issuer identifier; its metadata is read from /.well-known/openid-configuration.
   */
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, no client authentication). */
  clientSecret: string | undefined;
  /** Where the provider sends people back: this app's /api/auth/sso/callback. */
  redirectUrl: string;
  /** Where the provider sends people after signing out there: this app's sign-in page. */
  postLogoutRedirectUrl: string;
  /** The ID token claim that names the person… */
  claim: string;
  /** …and what in the staff list it is compared with. */
  matchBy: 'email' | 'staff_number';
  /** Set: the e-mail in the ID token must be at one of these domains (lower case). */
  allowedEmailDomains: string[] | undefined;
  scopes: string;
  /** The provider's name on the sign-in button. */
  displayName: { ja: string; en: string };
  /** Only for a provider on this machine (tests, a local demo): plain http is allowed. */
  loopback: boolean;
}

export interface ScormLimits {
  uploadBytes: number;
  unpackedBytes: number;
  files: number;
  /** A file that unpacks to more than this many times its compressed size is a zip bomb. */
  compressionRatio: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A setting the app cannot start with: the message names the variable and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads one variable through a zod schema. Unset or empty means the default; anything the schema
 * refuses stops start-up with one line: the variable, what it allows, and what it got.
 */
function read<T>(
  env: NodeJS.ProcessEnv,
  name: string,
  schema: z.ZodType<T>,
  allowed: string,
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    // Secrets are named, never echoed.
    const got = /TOKEN|PASSWORD|SECRET|DATABASE_URL|SMTP_URL/.test(name) ? '' : ` (got "${shown}")`;
    throw new ConfigError(`${name} must be ${allowed}${got}`);
  }
  return parsed.data;
}

const positiveNumber = z.coerce.number().finite().positive();

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return read(env, name, positiveNumber, 'a positive number', fallback);
}

const FLAG = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off']))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const wholeNumberSchema = z.coerce.number().int().positive();

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return read(env, name, wholeNumberSchema, 'a positive whole number', fallback);
}
function flag(env: NodeJS.ProcessEnv, name: string, fallback = false): boolean {
  return read(env, name, FLAG, 'true or false (also 1/0, yes/no, on/off)', fallback);
}

function oneOf<const T extends readonly [string, ...string[]]>(
  env: NodeJS.ProcessEnv,
  name: string,
  values: T,
  fallback: T[number],
): T[number] {
  return read(env, name, z.enum(values), `one of ${values.join(', ')}`, fallback);
}

const TOKYO_HOURS = z
  .string()
  .regex(/^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/)
  .transform((raw) => {
    const [from = '', until = ''] = raw.split('-');
    return { from, until };
  })
  .refine(({ from, until }) => from < until);

function hours(env: NodeJS.ProcessEnv, name: string, fallback: string) {
  const [from = '', until = ''] = fallback.split('-');
  return read(env, name, TOKYO_HOURS, 'a range of Tokyo times like 09:00-17:00', { from, until });
}

function url(protocols: readonly string[]) {
  return z.string().refine((raw) => {
    try {
      return protocols.includes(new URL(raw).protocol);
    } catch {
      return false;
    }
  });
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  return read(
    env,
    'KENSHU_SMTP_URL',
    url(['smtp:', 'smtps:']).optional(),
    'a URL like smtp://user:pass@host:587 or smtps://…',
    undefined,
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = read(
    env,
    'PORT',
    z.coerce.number().int().min(0).max(65535),
    'a port number from 0 to 65535',
    3000,
  );
  const seed = oneOf(env, 'KENSHU_SEED', ['demo', 'none'], 'demo');
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
    staffImportMaxBytes: positive(env, 'KENSHU_ROSTER_MAX_BYTES', 50 * 1024 * 1024),
    contentDir: resolve(
      read(
        env,
        'KENSHU_CONTENT_DIR',
        // Packages are unpacked below it: the filesystem root or the data folder itself would
        // mix them with everything else.
        z.string().refine((dir) => ![sep, dataDir].includes(resolve(dir))),
        'a folder of its own (not / or KENSHU_DATA_DIR itself)',
        join(dataDir, 'content'),
      ),
    ),
    scormLimits: {
      uploadBytes: wholeNumber(env, 'KENSHU_SCORM_MAX_BYTES', 200 * 1024 * 1024),
      // The database keeps a package's unpacked size as a 32-bit integer.
      unpackedBytes: read(
        env,
        'KENSHU_SCORM_MAX_UNPACKED_BYTES',
        z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1),
        'a whole number of bytes up to 2147483647',
        500 * 1024 * 1024,
      ),
      files: wholeNumber(env, 'KENSHU_SCORM_MAX_FILES', 5000),
      compressionRatio: wholeNumber(env, 'KENSHU_SCORM_MAX_RATIO', 100),
    },
    webDist: resolve(env.KENSHU_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: positive(env, 'KENSHU_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: positive(env, 'KENSHU_SESSION_ABSOLUTE_HOURS', 12),
    passwordLinkHours: positive(env, 'KENSHU_PASSWORD_LINK_HOURS', 24),
    trustProxy: flag(env, 'KENSHU_TRUST_PROXY'),
    trustedProxies: wholeNumber(env, 'KENSHU_TRUSTED_PROXIES', 1),
    secureCookies: flag(env, 'KENSHU_SECURE_COOKIES'),
    allowDemoPasswords: flag(env, 'KENSHU_ALLOW_DEMO_PASSWORDS'),
    publicUrl: read(
      env,
      'KENSHU_PUBLIC_URL',
      url(['http:', 'https:']).optional(),
      'an http:// or https:// address',
      undefined,
    ),
    jobs: oneOf(env, 'KENSHU_JOBS', ['on', 'off'], 'on') === 'on',
    jobHeartbeatSeconds: read(
      env,
      'KENSHU_JOB_HEARTBEAT_SECONDS',
      z.coerce.number().int().min(10).max(3600),
      'a whole number of seconds from 10 to 3600',
      30,
    ),
    checkInOpensMinutes: positive(env, 'KENSHU_CHECK_IN_OPENS_MINUTES', 30),
    checkInWrongCodeLimit: wholeNumber(env, 'KENSHU_CHECK_IN_WRONG_CODES', 5),
    checkInSecret: read(
      env,
      'KENSHU_CHECK_IN_SECRET',
      z.string().min(32),
      'at least 32 characters',
      undefined,
    ),
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
    logLevel: oneOf(env, 'KENSHU_LOG_LEVEL', LOG_LEVELS, 'info'),
    metricsToken: read(
      env,
      'KENSHU_METRICS_TOKEN',
      z
        .string()
        .min(16)
        .regex(/^[\x21-\x7e]+$/),
      'at least 16 printable characters without spaces',
      undefined,
    ),
    shutdownSeconds: positive(env, 'KENSHU_SHUTDOWN_SECONDS', 25),
    oidc: oidcConfig(env),
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(raw: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(raw).hostname);
}

/** https://, or http:// only on this machine (a provider or app on 127.0.0.1 for tests). */
const SECURE_URL = url(['http:', 'https:']).refine(
  (raw) => new URL(raw).protocol === 'https:' || isLoopback(raw),
);

const DOMAIN_LIST = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
  )
  .refine((list) => list.length > 0 && list.every((d) => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)));

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = read(
    env,
    'KENSHU_OIDC_ISSUER',
    SECURE_URL,
    'an https:// issuer URL (http:// only for 127.0.0.1 or localhost)',
    undefined,
  );
  if (!issuer) return undefined;
  const required = (name: string, what: string) => {
    const value = env[name];
    if (!value) throw new ConfigError(`${name} must be set when KENSHU_OIDC_ISSUER is (${what})`);
    return value;
  };
  const clientId = required('KENSHU_OIDC_CLIENT_ID', 'the client id the provider gave Kenshu');
  const publicUrl = env.KENSHU_PUBLIC_URL;
  const redirectUrl =
    read(
      env,
      'KENSHU_OIDC_REDIRECT_URL',
      SECURE_URL.refine((raw) => new URL(raw).pathname === '/api/auth/sso/callback'),
      "this app's https://…/api/auth/sso/callback address (http:// only for 127.0.0.1 or localhost)",
      undefined,
    ) ??
    (publicUrl
      ? new URL('/api/auth/sso/callback', publicUrl).href
      : required('KENSHU_OIDC_REDIRECT_URL', 'or KENSHU_PUBLIC_URL, to derive it from'));
  const claim = read(
    env,
    'KENSHU_OIDC_CLAIM',
    z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
    'the name of an ID token claim, like email or preferred_username',
    'email',
  );
  return {
    issuer,
    clientId,
    clientSecret: env.KENSHU_OIDC_CLIENT_SECRET || undefined,
    redirectUrl,
    postLogoutRedirectUrl: new URL('/sign-in', redirectUrl).href,
    claim,
    matchBy: oneOf(env, 'KENSHU_OIDC_MATCH', ['email', 'staff_number'], 'email'),
    allowedEmailDomains: read(
      env,
      'KENSHU_OIDC_ALLOWED_EMAIL_DOMAINS',
      DOMAIN_LIST,
      'a comma-separated list of e-mail domains, like example.go.jp,mof.go.jp',
      undefined,
    ),
    scopes: read(
      env,
      'KENSHU_OIDC_SCOPES',
      z.string().regex(/^openid( [\x21\x23-\x5b\x5d-\x7e]+)*$/),
      'space-separated scopes starting with openid',
      'openid email profile',
    ),
    displayName: {
      ja: env.KENSHU_OIDC_NAME_JA || '組織のアカウント',
      en: env.KENSHU_OIDC_NAME_EN || 'your organisation account',
    },
    loopback: isLoopback(issuer),
  };
}
