import { DatabaseConfigError, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';

// `pnpm db:migrate`: the same migrations the app runs at start, on the configured database.
try {
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.KENSHU_DATA_DIR ?? '.data',
  });
  try {
    const { applied, current } = await migrate(database.db);
    console.log(
      `Applied ${applied.length} migration(s); the database (${database.kind}) is at migration ${current ?? '(none)'}.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof DatabaseConfigError ? error.message : error);
  process.exit(1);
}
