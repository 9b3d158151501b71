import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { DatabaseConfigError } from '@kenshu/db';
import { createApp } from './app.ts';
import { JOBS, mailDeliveryJob } from './jobs/index.ts';
import { createMailer } from './lib/mailer.ts';
import { startJobRunner } from './jobs/runner.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './lib/clock.ts';
import { createLifecycle } from './lib/lifecycle.ts';
import { createLogger } from './lib/logger.ts';
import { createMetrics } from './lib/metrics.ts';
import { prepareDatabase, StartupError } from './start.ts';
import { prepareUploadDir } from './services/uploads/receive.ts';

async function main(): Promise<void> {
  // Read and checked once: a bad value stops here with one line (see ConfigError).
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { database, migration, seeded } = await prepareDatabase(config);
  if (seeded) logger.info('seeded the demo ministry (the README lists the demo accounts)');
  const leftovers = await prepareUploadDir(config.uploadDir);
  if (leftovers > 0) {
    logger.info(
      { removed: leftovers, folder: config.uploadDir },
      'removed uploads left by a stopped process',
    );
  }
  const metrics = createMetrics();
  const lifecycle = createLifecycle();
  const app = createApp({ database, config, logger, metrics, lifecycle });
  const where =
    database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { port: info.port, database: database.kind, migration, runtime: process.version },
      `Kenshu is running at http://localhost:${info.port} (${where}, migration ${migration})`,
    );
  }) as Server;
  const mailer = createMailer(config);
  if (!mailer)
    logger.info('no KENSHU_SMTP_URL: e-mail is kept in the outbox (Admin → Outbox), not sent');
  const jobs = mailer ? [...JOBS, mailDeliveryJob(mailer)] : JOBS;
  const scheduler = config.jobs
    ? await startJobRunner(database, jobs, config, systemClock, { logger, metrics })
    : null;
  lifecycle.state.jobs = scheduler;

  /**
   * SIGTERM (a deploy, a scale-down): answer /api/ready with 503 so the load balancer looks
   * elsewhere, stop accepting connections, let in-flight requests and running jobs finish within
   * KENSHU_SHUTDOWN_SECONDS, then close the database and exit. A second signal exits at once.
   */
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    lifecycle.state.draining = true;
    const deadline = Date.now() + config.shutdownSeconds * 1000;
    logger.info({ signal, seconds: config.shutdownSeconds }, 'shutting down');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections would hold close() open; busy ones finish their request first.
    server.closeIdleConnections();
    const finishedJobs = scheduler ? scheduler.stop(config.shutdownSeconds * 1000) : true;
    let timer: NodeJS.Timeout | undefined;
    const requestsDone = await Promise.race([
      closed.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
      }),
    ]);
    clearTimeout(timer);
    if (!requestsDone) {
      logger.warn('requests still running at the deadline: closing their connections');
      server.closeAllConnections();
    }
    const jobsDone = await finishedJobs;
    if (!jobsDone) logger.warn('jobs still running at the deadline: they will be retried');
    mailer?.close();
    await database.close().catch((error: unknown) => logger.error({ err: error }, 'close failed'));
    logger.info({ requestsDone, jobsDone }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseConfigError ||
    error instanceof StartupError
  )
    console.error(error.message);
  else console.error('Kenshu could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
