import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider, migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

/** Brings the schema up to date. Safe to run at every start and from several processes. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string | null> {
  return (await migrate(db)).current;
}

/**
 * Several instances starting at once all call this. The first takes a session-level advisory lock
 * (held on one connection for the whole run, including creating Kysely's bookkeeping tables, which
 * Kysely's own per-transaction lock does not cover) and migrates; the others wait on the lock,
 * then find nothing left to do. Returns the migrations this call applied.
 */
export async function migrate(
  db: Kysely<DB>,
): Promise<{ applied: string[]; current: string | null }> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    try {
      const migrator = new Migrator({ db: conn, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((r) => r.status === 'Error');
      if (error || failed) {
        const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
        throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
      }
      const applied = (results ?? [])
        .filter((r) => r.status === 'Success')
        .map((r) => r.migrationName);
      return { applied, current: await currentMigration(conn) };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    }
  });
}

const MIGRATION_LOCK = 'kenshu:migrate';

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(db: Kysely<DB>): Promise<string | null> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return null;
  const row = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  return row.rows[0]?.name ?? null;
}

/** Every migration this code knows about, oldest first. */
export const knownMigrations = Object.keys(migrations).sort();

/** The newest migration this code knows about. */
export const latestMigration = Object.keys(migrations).sort().at(-1) ?? null;
