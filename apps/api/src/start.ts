import {
  countDemoCredentials,
  DEMO_PASSWORD,
  migrateToLatest,
  hasAnyStaff,
  openDatabase,
  seedDemo,
  type Database,
} from '@kenshu/db';
import type { Config } from './config.ts';
import { hashPassword } from './lib/passwords.ts';

/**
 * Opens and prepares the database the way every start does: migrate, seed the demo ministry into
 * an empty database unless told not to, and refuse a production start with demo passwords.
 */
export async function prepareDatabase(
  config: Config,
): Promise<{ database: Database; migration: string | null; seeded: boolean }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migration = await migrateToLatest(database.db);
    let seeded = false;
    if (config.seed === 'demo') {
      if (!(await hasAnyStaff(database.db))) {
        await seedDemo(database.db, { demoPasswordHash: await hashPassword(DEMO_PASSWORD) });
        seeded = true;
      }
    }
    await assertNoDemoPasswords(database.db, config);
    return { database, migration, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A production start refuses the published demo passwords unless explicitly allowed. */
export async function assertNoDemoPasswords(
  db: Database['db'],
  config: Pick<Config, 'production' | 'allowDemoPasswords'>,
): Promise<void> {
  if (!config.production || config.allowDemoPasswords) return;
  if ((await countDemoCredentials(db)) > 0) {
    throw new StartupError(
      'Refusing to start in production: demo accounts with the published demo password exist. ' +
        'Start on a database without demo data (KENSHU_SEED=none), or set KENSHU_ALLOW_DEMO_PASSWORDS=true for a demo.',
    );
  }
}

/** A start-up problem explained in one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}
