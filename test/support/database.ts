import { afterAll, beforeAll, inject } from 'vitest';
import { sql } from 'kysely';
import { openFromTemplate } from '@kenshu/db/testing';
import type { Database } from '@kenshu/db';

/**
 * Gives the calling test file a database of its own (embedded, or PostgreSQL when DATABASE_URL
 * is set), dropped when the file ends. Read `.current` inside tests, after beforeAll ran.
 */
export function useTestDatabase(): { readonly current: Database & { url?: string } } {
  let database: (Database & { url?: string }) | undefined;
  beforeAll(async () => {
    database = await openFromTemplate(inject('databaseTemplate'));
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });
  return {
    get current() {
      if (!database) throw new Error('the test database is opened in beforeAll');
      return database;
    },
  };
}

/**
 * How many times a table was analysed by an ANALYZE statement (not by autovacuum): tells whether
 * code refreshed the planner's statistics after a bulk write.
 */
export async function manualAnalyses(
  db: Database['db'],
  tables: readonly string[],
): Promise<Record<string, number>> {
  const { rows } = await sql<{ relname: string; n: string | number }>`
    select relname, analyze_count as n from pg_stat_user_tables
    where schemaname = current_schema() and relname in (${sql.join(tables)})`.execute(db);
  return Object.fromEntries(
    tables.map((t) => [t, Number(rows.find((r) => r.relname === t)?.n ?? 0)]),
  );
}
