import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-26T01-foundation.ts';
import * as signInAndAudit from './2026-11-26T02-sign-in-and-audit.ts';

/**
 * Every migration, in order. Listed explicitly (not read from disk) so the same set runs
 * under tsx, vitest and a bundler. Names sort by timestamp; never rename or edit one that shipped.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26T01-foundation': foundation,
  '2026-11-26T02-sign-in-and-audit': signInAndAudit,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
