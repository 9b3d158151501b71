import { ConfigError, loadConfig } from '@kenshu/api/config';
import { assertNoDemoPasswords, StartupError } from '@kenshu/api/start';
import { DatabaseConfigError, openDatabase, setPasswordHash } from '@kenshu/db';
import { makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';
import { spawnServer, stopServer } from '../support/server-process.ts';

const database = useTestDatabase();

describe('starting up', () => {
  it('stops with one clear line when the PostgreSQL server cannot be reached', async () => {
    const attempt = openDatabase({ databaseUrl: 'postgres://kenshu@127.0.0.1:1/kenshu' });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseConfigError);
    await expect(attempt).rejects.toThrow(
      /Cannot connect to PostgreSQL at postgres:\/\/kenshu@127\.0\.0\.1:1\/kenshu/,
    );
  });

  it('names a DATABASE_URL that is not a PostgreSQL URL, without echoing its password', async () => {
    await expect(openDatabase({ databaseUrl: 'mysql://root:secret@localhost/db' })).rejects.toThrow(
      /must start with postgres:\/\//,
    );
    const garbage = openDatabase({ databaseUrl: 'not a url at all' });
    await expect(garbage).rejects.toThrow(/not a valid URL/);
    const withPassword = openDatabase({
      databaseUrl: 'postgres://kenshu:hunter2@127.0.0.1:1/kenshu',
    });
    await expect(withPassword).rejects.not.toThrow(/hunter2/);
  });

  it('refuses a bad PORT or KENSHU_SEED with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ KENSHU_SEED: 'lots' })).toThrow(/KENSHU_SEED/);
    expect(() => loadConfig({ KENSHU_SESSION_IDLE_MINUTES: '-5' })).toThrow(
      /KENSHU_SESSION_IDLE_MINUTES/,
    );
  });

  it.each([
    ['PORT', '70000', 'PORT must be a port number from 0 to 65535 (got "70000")'],
    ['KENSHU_SEED', 'lots', 'KENSHU_SEED must be one of demo, none (got "lots")'],
    ['KENSHU_JOBS', 'sometimes', 'KENSHU_JOBS must be one of on, off (got "sometimes")'],
    [
      'KENSHU_TRUST_PROXY',
      'maybe',
      'KENSHU_TRUST_PROXY must be true or false (also 1/0, yes/no, on/off) (got "maybe")',
    ],
    [
      'KENSHU_BODY_LIMIT_BYTES',
      '1e',
      'KENSHU_BODY_LIMIT_BYTES must be a positive number (got "1e")',
    ],
    [
      'KENSHU_PUBLIC_URL',
      'kenshu.example.go.jp',
      'KENSHU_PUBLIC_URL must be an http:// or https:// address (got "kenshu.example.go.jp")',
    ],
    [
      'KENSHU_LOG_LEVEL',
      'loud',
      'KENSHU_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      'KENSHU_CONTENT_DIR',
      '/',
      'KENSHU_CONTENT_DIR must be a folder of its own (not / or KENSHU_DATA_DIR itself) (got "/")',
    ],
    [
      'KENSHU_SCORM_MAX_UNPACKED_BYTES',
      '99999999999',
      'KENSHU_SCORM_MAX_UNPACKED_BYTES must be a whole number of bytes up to 2147483647 (got "99999999999")',
    ],
    [
      'KENSHU_REMINDER_HOURS',
      '17:00-09:00',
      'KENSHU_REMINDER_HOURS must be a range of Tokyo times like 09:00-17:00 (got "17:00-09:00")',
    ],
  ])('names %s and what it allows', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(message));
  });

  it('names a bad secret without echoing it', () => {
    const attempt = () => loadConfig({ KENSHU_METRICS_TOKEN: 'short secret' });
    expect(attempt).toThrow(
      'KENSHU_METRICS_TOKEN must be at least 16 printable characters without spaces',
    );
    expect(attempt).not.toThrow(/short secret/);
    expect(() => loadConfig({ KENSHU_SMTP_URL: 'http://user:pw@mail' })).not.toThrow(/pw@/);
  });

  it('stops the server before it opens anything, with one line on stderr', async () => {
    const server = spawnServer({ KENSHU_JOBS: 'sometimes', DATABASE_URL: '' });
    try {
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.output().trim().split('\n')).toEqual([
        'KENSHU_JOBS must be one of on, off (got "sometimes")',
      ]);
    } finally {
      await stopServer(server);
    }
  }, 60_000);

  it('refuses a production start while demo passwords exist, unless told to', async () => {
    const db = database.current.db;
    const staff = await makeStaff(db);
    await setPasswordHash(db, staff.id, 'not-a-real-hash', true);
    await expect(
      assertNoDemoPasswords(db, { production: true, allowDemoPasswords: false }),
    ).rejects.toBeInstanceOf(StartupError);
    await expect(
      assertNoDemoPasswords(db, { production: true, allowDemoPasswords: false }),
    ).rejects.toThrow(/demo/);
    await expect(
      assertNoDemoPasswords(db, { production: true, allowDemoPasswords: true }),
    ).resolves.toBeUndefined();
    await expect(
      assertNoDemoPasswords(db, { production: false, allowDemoPasswords: false }),
    ).resolves.toBeUndefined();
  });
});
