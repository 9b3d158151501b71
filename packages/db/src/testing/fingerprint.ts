import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB } from '../schema.ts';

/**
 * A fingerprint of whole tables: equal before and after means nothing was written to them.
 * Rows are read in key order and hashed as the database prints them, so it works on any table.
 */
export async function tableFingerprint(
  db: Executor,
  tables: readonly (keyof DB)[],
): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables) {
    const { rows } = await sql<{ row: string }>`
      select t::text as row from ${sql.table(table)} t order by 1`.execute(db);
    hash.update(`${table}:${rows.length}\n`);
    for (const r of rows) hash.update(`${r.row}\n`);
  }
  return hash.digest('hex');
}
