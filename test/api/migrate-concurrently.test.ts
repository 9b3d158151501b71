import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { knownMigrations } from '@kenshu/db';
import { withDatabase } from '@kenshu/db/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

/**
 * Three instances start at once against one empty PostgreSQL database, each running the
 * migrations as every start does. One migrates under the advisory lock; the others wait for it
 * and find nothing to do. Only on PostgreSQL: the embedded database belongs to one process
 * (a second instance on its folder is refused), so there is nothing to race.
 */
const serverUrl = process.env.DATABASE_URL;
const root = fileURLToPath(new URL('../..', import.meta.url));

function migrateProcess(url: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!serverUrl)('migrations when several instances start at once (PostgreSQL)', () => {
  it('are applied once, by one of them, while the others wait', async () => {
    const name = `kenshu_migrate_${randomBytes(5).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = withDatabase(serverUrl ?? '', name);
    try {
      const runs = await Promise.all([
        migrateProcess(url),
        migrateProcess(url),
        migrateProcess(url),
      ]);
      for (const run of runs) expect(run.code, run.output).toBe(0);
      const total = knownMigrations.length;
      const applied = runs
        .map((run) => Number(/Applied (\d+) migration/.exec(run.output)?.[1] ?? -1))
        .sort((a, b) => a - b);
      expect(applied).toEqual([0, 0, total]);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string; names: string }>(
          'select count(*) as n, count(distinct name) as names from kysely_migration',
        );
        expect([Number(rows[0]?.n), Number(rows[0]?.names)]).toEqual([total, total]);
      } finally {
        await client.end();
      }
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }, 180_000);
});
