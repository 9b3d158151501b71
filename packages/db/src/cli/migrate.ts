import { DatabaseConfigError, openDatabase } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';

// `pnpm db:migrate`: the same migrations the app runs at start, on the configured database.
try {
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.KENSHU_DATA_DIR ?? '.data',
  });
  try {
    const version = await migrateToLatest(database.db);
    console.log(`Database (${database.kind}) is at migration ${version ?? '(none)'}.`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof DatabaseConfigError ? error.message : error);
  process.exit(1);
}
