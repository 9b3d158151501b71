import { loadConfig } from '@kenshu/api/config';
import { assertNoDemoPasswords, StartupError } from '@kenshu/api/start';
import { DatabaseConfigError, openDatabase, setPasswordHash } from '@kenshu/db';
import { makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';

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
