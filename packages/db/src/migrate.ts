import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider, migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

/** Brings the schema up to date. Safe to run at every start and from several processes. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string | null> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return currentMigration(db);
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(db: Kysely<DB>): Promise<string | null> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return null;
  const row = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  return row.rows[0]?.name ?? null;
}

/** The newest migration this code knows about. */
export const latestMigration = Object.keys(migrations).sort().at(-1) ?? null;
