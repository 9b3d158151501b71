import { createApp } from '@kenshu/api';
import { loadConfig, type Config } from '@kenshu/api/config';
import { createTestClock } from './clock.ts';
import { useTestDatabase } from './database.ts';

/**
 * A test file's own app over its own database; requests go through `app.request`. The app reads
 * the time from `clock`, which follows the real time until a test sets it.
 */
export function useTestApp(overrides: Partial<Config> = {}) {
  const database = useTestDatabase();
  const clock = createTestClock();
  let app: ReturnType<typeof createApp> | undefined;
  return {
    clock,
    get database() {
      return database.current;
    },
    get db() {
      return database.current.db;
    },
    get app() {
      app ??= createApp({
        database: database.current,
        config: { ...loadConfig({}), seed: 'none', ...overrides },
        clock: clock.now,
      });
      return app;
    },
  };
}
