import { resolve } from 'node:path';

/** Everything the app reads from the environment, with its default. The README lists these. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seed: 'demo' | 'none';
  bodyLimitBytes: number;
  webDist: string;
  production: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const seed = env.KENSHU_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') {
    throw new Error(`KENSHU_SEED must be "demo" or "none", got "${seed}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.KENSHU_DATA_DIR ?? '.data'),
    seed,
    bodyLimitBytes: Number(env.KENSHU_BODY_LIMIT_BYTES ?? 1024 * 1024),
    webDist: resolve(env.KENSHU_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    production: env.NODE_ENV === 'production',
  };
}
