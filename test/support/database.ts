import { afterAll, beforeAll, inject } from 'vitest';
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
