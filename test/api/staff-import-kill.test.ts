import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMinistry, writeStaffImportCsv } from '../generator/index.ts';
import { makePerson } from '../support/auth.ts';
import { spawnCommand, useServerProcesses } from '../support/server-process.ts';
import { tableChecksum } from '../support/staff-import.ts';

/**
 * Kills `pnpm kenshu import` (SIGKILL, no chance to clean up) in the middle of applying a large
 * staff file, and checks that the database is exactly as it was: the import is one transaction.
 * Embedded: the child opens its own on-disk database. PostgreSQL: the test file's database.
 */
const { work, databaseEnv, withDatabase } = useServerProcesses('kill');

const ministry = generateMinistry({ seed: 7, staff: 30_000, units: 300 });

/** `pnpm kenshu import` of the file as this admin, on the processes' database. */
function importCommand(file: string, adminNumber: string) {
  return spawnCommand(['import', file, '--as', adminNumber], databaseEnv());
}

/** Runs the import command and kills it once its output shows `killAt`; resolves with how it ended. */
async function importAndKill(file: string, adminNumber: string, killAt: RegExp) {
  const command = importCommand(file, adminNumber);
  let killed = false;
  command.child.stderr.on('data', () => {
    if (!killed && killAt.test(command.output())) {
      killed = true;
      command.child.kill('SIGKILL');
    }
  });
  const { signal } = await command.exited;
  return { signal, stderr: command.output() };
}

describe('killing an import midway', () => {
  let adminNumber = '';
  const file = join(work, 'staff.csv');

  // The command line itself asks here (no --as, no one signed in): it may look, never write.
  it('previews without an admin on a dry run and writes nothing', async () => {
    await writeStaffImportCsv(ministry, file);
    const before = await withDatabase(({ db }) => tableChecksum(db));
    const command = spawnCommand(['import', file, '--dry-run'], databaseEnv());
    const { code } = await command.exited;
    expect(code, command.output()).toBe(0);
    expect(command.output()).toContain('Dry run: nothing was written.');
    expect(await withDatabase(({ db }) => tableChecksum(db))).toBe(before);

    const refused = spawnCommand(['import', file], databaseEnv());
    expect((await refused.exited).code).toBe(1);
    expect(refused.output()).toContain('Applying needs --as STAFF_NUMBER');
  }, 120_000);

  it.each([
    ['while staging the file', /applying: 2\d,\d{3} rows/],
    ['while writing', /applying: writing/],
  ])(
    'leaves the database exactly as before (%s)',
    async (_when, killAt) => {
      if (!adminNumber) {
        adminNumber = await withDatabase(
          async ({ db }) => (await makePerson(db, ['admin'])).staff_number,
        );
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
    const command = importCommand(file, adminNumber);
    const { code } = await command.exited;
    expect(code, command.output()).toBe(0);
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
