import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const databaseSetup = fileURLToPath(new URL('./support/global-setup.ts', import.meta.url));

// One runner for every suite. Suites that touch a database share one migrated template per run.
export default defineConfig({
  test: {
    root,
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          root,
          environment: 'node',
          include: ['packages/domain/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'database',
          root,
          environment: 'node',
          include: [
            'packages/db/src/**/*.test.ts',
            'apps/api/src/**/*.test.ts',
            'test/api/**/*.test.ts',
          ],
          globalSetup: [databaseSetup],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          root,
          environment: 'jsdom',
          include: ['apps/web/src/**/*.test.tsx', 'apps/web/src/**/*.test.ts'],
          // Rendering with jsdom is slow on a busy 2-core machine; a timeout here means "busy".
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          root,
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [databaseSetup],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
