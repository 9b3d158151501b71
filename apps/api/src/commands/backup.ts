import { resolve } from 'node:path';
import {
  backupEmbedded,
  backupKindOf,
  backupPostgres,
  copyEmbeddedToPostgres,
  openDatabase,
  restoreEmbedded,
  restoreEmbeddedIntoPostgres,
  restorePostgres,
} from '@kenshu/db';
import { loadConfig } from '../config.ts';
import { StartupError } from '../start.ts';

export const BACKUP_USAGE = `  backup FILE
      Writes a backup of the configured database to FILE: pg_dump's custom format on
      PostgreSQL (DATABASE_URL), the data folder's own dump on the embedded database
      (stop Kenshu first; the folder's lock makes sure).
  restore FILE
      Restores FILE into the configured database. A PostgreSQL backup replaces what the
      PostgreSQL database holds (pg_restore --clean). An embedded backup goes into an empty
      KENSHU_DATA_DIR, or, with DATABASE_URL set, is copied into an empty PostgreSQL database.
  move-to-postgres
      Copies the embedded database in KENSHU_DATA_DIR into the empty PostgreSQL database at
      DATABASE_URL (migrated first), every table, with ids continuing after the copied ones.
`;

function fileArgument(argv: string[], command: string): string {
  const [file] = argv;
  if (!file || argv.length > 1) throw new StartupError(`Usage: pnpm kenshu ${command} FILE`);
  return resolve(file);
}

export async function backup(argv: string[]): Promise<void> {
  const file = fileArgument(argv, 'backup');
  const config = loadConfig();
  if (config.databaseUrl) await backupPostgres(config.databaseUrl, file);
  else await backupEmbedded(config.dataDir, file);
  console.log(
    `Backed up the ${config.databaseUrl ? 'PostgreSQL' : `embedded (${config.dataDir})`} database to ${file}`,
  );
}

export async function restore(argv: string[]): Promise<void> {
  const file = fileArgument(argv, 'restore');
  const config = loadConfig();
  const kind = await backupKindOf(file).catch(() => null);
  if (!kind) throw new StartupError(`${file} is not a Kenshu backup (pnpm kenshu backup FILE)`);
  if (kind === 'postgres') {
    if (!config.databaseUrl) {
      throw new StartupError(
        `${file} is a PostgreSQL backup: set DATABASE_URL to the database to restore it into`,
      );
    }
    await restorePostgres(config.databaseUrl, file);
    console.log(`Restored ${file} into the PostgreSQL database`);
    return;
  }
  if (config.databaseUrl) {
    const to = await openDatabase({ databaseUrl: config.databaseUrl });
    try {
      const copied = await restoreEmbeddedIntoPostgres(file, to);
      console.log(
        `Copied the embedded backup ${file} into PostgreSQL: ${Object.values(copied).reduce((a, b) => a + b, 0)} rows in ${Object.keys(copied).length} tables`,
      );
    } finally {
      await to.close();
    }
    return;
  }
  await restoreEmbedded(config.dataDir, file);
  console.log(`Restored ${file} into the embedded database in ${config.dataDir}`);
}

export async function moveToPostgres(argv: string[]): Promise<void> {
  if (argv.length > 0) throw new StartupError('Usage: pnpm kenshu move-to-postgres');
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new StartupError('Set DATABASE_URL to the (empty) PostgreSQL database to move into');
  }
  const from = await openDatabase({ dataDir: config.dataDir });
  try {
    const to = await openDatabase({ databaseUrl: config.databaseUrl });
    try {
      const copied = await copyEmbeddedToPostgres(from, to);
      console.log(
        `Moved the embedded database in ${config.dataDir} to PostgreSQL: ${Object.values(copied).reduce((a, b) => a + b, 0)} rows in ${Object.keys(copied).length} tables. Start Kenshu with DATABASE_URL set.`,
      );
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
