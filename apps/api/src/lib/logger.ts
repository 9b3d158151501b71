import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

export type { Logger };

/**
 * Keys whose values never reach the log, wherever they appear in a logged object: secrets
 * (passwords, tokens, cookies, CSRF and set-password tokens) and personal data (names, e-mail,
 * staff numbers, addresses). Request lines carry the route pattern, never the URL, so tokens
 * and search words in paths and query strings stay out too.
 */
const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'csrfToken',
  'cookie',
  'authorization',
  'set-cookie',
  'x-csrf-token',
  'login',
  'email',
  'staffNumber',
  'staff_number',
  'familyName',
  'givenName',
  'family_name',
  'given_name',
  'clientAddress',
  'userAgent',
];

/** The app's JSON logger: one JSON object per line on stdout (or the stream tests pass). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kenshu' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`)],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that writes nothing (commands and tests that do not look at logs). */
export const silentLogger: Logger = pino({ level: 'silent' });
