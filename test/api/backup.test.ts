import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, seedDemo, tableChecksums, type Database } from '@kenshu/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';

/**
 * `pnpm kenshu backup FILE` / `restore FILE` (and `move-to-postgres`) as an operator runs them:
 * the real command in a child process, on a database holding the whole demo ministry; every
 * table's checksum must come back the same.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kenshu-backup-'));
const adminUrl = process.env.DATABASE_URL;
const made: string[] = [];

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!adminUrl) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  for (const name of made) await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
});

/** A new, empty PostgreSQL database on the test server; its URL. */
async function freshPostgres(): Promise<string> {
  const name = `kenshu_backup_${process.pid}_${made.length}_${Date.now()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  made.push(name);
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

function kenshu(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function withDatabase<T>(
  where: { databaseUrl?: string; dataDir?: string },
  use: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(where);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** A database holding the whole demo ministry; its checksums. */
async function demo(where: { databaseUrl?: string; dataDir?: string }) {
  return withDatabase(where, async (database) => {
    await migrateToLatest(database.db);
    await seedDemo(database.db, { demoPasswordHash: 'not-a-real-hash' });
    return tableChecksums(database);
  });
}

function nonEmpty(sums: Record<string, string>) {
  return Object.values(sums).filter((s) => !s.startsWith('0:')).length;
}

describe('backup and restore', () => {
  it('round-trips the embedded database: every table the same', async () => {
    const dataDir = join(work, 'embedded');
    const before = await demo({ dataDir });
    expect(nonEmpty(before)).toBeGreaterThan(10);
    const file = join(work, 'embedded.kenshu-backup');
    const saved = await kenshu(['backup', file], { KENSHU_DATA_DIR: dataDir });
    expect(saved, saved.output).toMatchObject({ code: 0 });

    // A restore never overwrites a data folder in use.
    const refused = await kenshu(['restore', file], { KENSHU_DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is not empty');

    const restoredDir = join(work, 'restored');
    const restored = await kenshu(['restore', file], { KENSHU_DATA_DIR: restoredDir });
    expect(restored, restored.output).toMatchObject({ code: 0 });
    expect(await withDatabase({ dataDir: restoredDir }, tableChecksums)).toEqual(before);
  }, 240_000);

  it('refuses a file that is not a backup', async () => {
    const res = await kenshu(['restore', join(root, 'package.json')], {
      KENSHU_DATA_DIR: join(work, 'never'),
    });
    expect(res.code).toBe(1);
    expect(res.output).toContain('is not a Kenshu backup');
  }, 60_000);

  describe.skipIf(!adminUrl)(
    'on PostgreSQL (skipped on the embedded pass: these need a PostgreSQL server, and CI runs them in its PostgreSQL pass)',
    () => {
      it('round-trips a PostgreSQL database with pg_dump and pg_restore', async () => {
        const source = await freshPostgres();
        const before = await demo({ databaseUrl: source });
        const file = join(work, 'postgres.kenshu-backup');
        const saved = await kenshu(['backup', file], { DATABASE_URL: source });
        expect(saved, saved.output).toMatchObject({ code: 0 });
        const target = await freshPostgres();
        const restored = await kenshu(['restore', file], { DATABASE_URL: target });
        expect(restored, restored.output).toMatchObject({ code: 0 });
        expect(await withDatabase({ databaseUrl: target }, tableChecksums)).toEqual(before);
      }, 240_000);

      it('moves an embedded database to PostgreSQL with one command, ids continuing', async () => {
        const dataDir = join(work, 'to-move');
        const before = await demo({ dataDir });
        const target = await freshPostgres();
        const moved = await kenshu(['move-to-postgres'], {
          KENSHU_DATA_DIR: dataDir,
          DATABASE_URL: target,
        });
        expect(moved, moved.output).toMatchObject({ code: 0 });
        expect(await withDatabase({ databaseUrl: target }, tableChecksums)).toEqual(before);
        // New rows get ids after the moved ones.
        await withDatabase({ databaseUrl: target }, async ({ db }) => {
          const max = await db
            .selectFrom('org_unit')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirstOrThrow();
          const { rows } = await sql<{ id: number }>`
            select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`.execute(db);
          expect(rows[0]?.id).toBeGreaterThan(Number(max.id));
        });
        // Moving twice is refused: the target already holds data.
        const again = await kenshu(['move-to-postgres'], {
          KENSHU_DATA_DIR: dataDir,
          DATABASE_URL: target,
        });
        expect(again.code).toBe(1);
        expect(again.output).toContain('already holds data');
      }, 240_000);
    },
  );
});
