import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, type Database } from '@kenshu/db';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMinistry, writeStaffImportCsv } from '../generator/index.ts';
import { makePerson } from '../support/auth.ts';
import { useTestDatabase } from '../support/database.ts';
import { tableChecksum } from '../support/staff-import.ts';

/**
 * Kills `pnpm kenshu import` (SIGKILL, no chance to clean up) in the middle of applying a large
 * staff file, and checks that the database is exactly as it was: the import is one transaction.
 * Embedded: the child opens its own on-disk database. PostgreSQL: the test file's database.
 */
const shared = useTestDatabase();
const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kenshu-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ministry = generateMinistry({ seed: 7, staff: 30_000, units: 300 });

async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL ? shared.current.url : undefined;
  if (url) return use(shared.current);
  const database = await openDatabase({ dataDir: join(work, 'db') });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** Runs the import command and kills it once stderr shows `killAt`; resolves with how it ended. */
function importAndKill(file: string, adminNumber: string, killAt: RegExp) {
  const url = process.env.DATABASE_URL ? shared.current.url : undefined;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/cli.ts', 'import', file, '--as', adminNumber],
    {
      cwd: root,
      env: {
        ...process.env,
        KENSHU_SEED: 'none',
        KENSHU_DATA_DIR: join(work, 'db'),
        DATABASE_URL: url ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let killed = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!killed && killAt.test(stderr)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('killing an import midway', () => {
  let adminNumber = '';
  const file = join(work, 'staff.csv');

  it.each([
    ['while staging the file', /applying: 2\d,\d{3} rows/],
    ['while writing', /applying: writing/],
  ])(
    'leaves the database exactly as before (%s)',
    async (_when, killAt) => {
      if (!adminNumber) {
        await writeStaffImportCsv(ministry, file);
        adminNumber = await withDatabase(async ({ db }) => {
          await migrateToLatest(db);
          return (await makePerson(db, ['admin'])).staff_number;
        });
      }
      const before = await withDatabase(({ db }) => tableChecksum(db));
      const outcome = await importAndKill(file, adminNumber, killAt);
      expect(outcome.signal, outcome.stderr).toBe('SIGKILL');
      const after = await withDatabase(({ db }) => tableChecksum(db));
      expect(after).toBe(before);
    },
    120_000,
  );

  it('still imports the file completely afterwards', async () => {
    const url = process.env.DATABASE_URL ? shared.current.url : undefined;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/api/src/cli.ts', 'import', file, '--as', adminNumber],
      {
        cwd: root,
        env: {
          ...process.env,
          KENSHU_SEED: 'none',
          KENSHU_DATA_DIR: join(work, 'db'),
          DATABASE_URL: url ?? '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const count = await withDatabase(({ db }) =>
      db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', true)
        .executeTakeFirstOrThrow(),
    );
    expect(count.n).toBe(ministry.staff.length + 1);
  }, 120_000);
});
