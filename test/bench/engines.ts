import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { embeddedKysely, migrateToLatest, openDatabase, TYPE_PARSERS } from '@kenshu/db';
import { withDatabase } from '@kenshu/db/testing';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import * as copyStreams from 'pg-copy-streams';
import type { BenchEngine, CsvCopy } from './harness.ts';

/**
 * A fresh PGlite in a temporary folder, migrated. Built here rather than with openDatabase,
 * which keeps its PGlite to itself, because the COPY baseline needs PGlite's own query API.
 */
export async function openEmbeddedEngine(): Promise<BenchEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'kenshu-bench-'));
  try {
    const pglite = await PGlite.create({ dataDir: join(dir, 'db'), parsers: TYPE_PARSERS });
    const db = embeddedKysely(pglite);
    await migrateToLatest(db);
    return {
      kind: 'embedded',
      db,
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      copyCsv: async (copies) => {
        await pglite.transaction(async (tx) => {
          for (const copy of copies) {
            await tx.query(`${copyStatement(copy)} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob([copy.csv]),
            });
          }
        });
      },
      close: async () => {
        await db.destroy();
        // Kysely's destroy leaves PGlite open, and an open PGlite keeps the process alive.
        if (!pglite.closed) await pglite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A fresh database `kenshu_bench_<random>` on the server at `serverUrl`, migrated, and dropped
 * again on close. The app's data layer gets openDatabase's pool; COPY gets a client of its own.
 */
export async function openPostgresEngine(serverUrl: string): Promise<BenchEngine> {
  const name = `kenshu_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const url = withDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  try {
    const database = await openDatabase({ databaseUrl: url });
    try {
      await migrateToLatest(database.db);
      await client.connect();
    } catch (error) {
      await database.close();
      throw error;
    }
    return {
      kind: 'postgres',
      db: database.db,
      url,
      exec: async (sql) => {
        await client.query(sql);
      },
      copyCsv: async (copies) => {
        await client.query('BEGIN');
        try {
          for (const copy of copies) {
            await pipeline(
              Readable.from(chunks(copy.csv)),
              client.query(copyStreams.from(`${copyStatement(copy)} FROM STDIN WITH (FORMAT csv)`)),
            );
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      },
      close: async () => {
        try {
          await client.end();
          await database.close();
        } finally {
          await drop();
        }
      },
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    await drop();
    throw error;
  }
}

function copyStatement({ table, columns }: CsvCopy): string {
  return `COPY ${table} (${columns.join(', ')})`;
}

/** The CSV as 64 KiB byte chunks, the way a file or socket would deliver it. */
function* chunks(csv: string): Generator<Buffer> {
  const bytes = Buffer.from(csv);
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
