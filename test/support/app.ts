import { createApp } from '@kenshu/api';
import { loadConfig, type Config } from '@kenshu/api/config';
import { useTestDatabase } from './database.ts';

/** A test file's own app over its own database; requests go through `app.request`. */
export function useTestApp(overrides: Partial<Config> = {}) {
  const database = useTestDatabase();
  let app: ReturnType<typeof createApp> | undefined;
  return {
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
      });
      return app;
    },
  };
}
