import { serve } from '@hono/node-server';
import { DatabaseConfigError } from '@kenshu/db';
import { createApp } from './app.ts';
import { JOBS, mailDeliveryJob } from './jobs/index.ts';
import { createMailer } from './lib/mailer.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { loadConfig } from './config.ts';
import { prepareDatabase, StartupError } from './start.ts';
import { prepareUploadDir } from './services/roster-import/receive.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const { database, migration, seeded } = await prepareDatabase(config);
  if (seeded) console.log('Seeded the demo ministry (the README lists the demo accounts).');
  const leftovers = await prepareUploadDir(config.uploadDir);
  if (leftovers > 0) {
    console.log(
      `Removed ${leftovers} roster upload(s) left by a stopped process from ${config.uploadDir}.`,
    );
  }
  const app = createApp({ database, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where =
      database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
    console.log(
      `Kenshu is running at http://localhost:${info.port} (${where}, migration ${migration}).`,
    );
  });
  const mailer = createMailer(config);
  if (!mailer)
    console.log('No KENSHU_SMTP_URL: e-mail is kept in the outbox (Admin → Outbox), not sent.');
  const jobs = mailer ? [...JOBS, mailDeliveryJob(mailer)] : JOBS;
  const stopJobs = config.jobs ? startScheduler(database, jobs, config) : () => undefined;
  const stop = () => {
    stopJobs();
    mailer?.close();
    server.close();
    void database.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseConfigError || error instanceof StartupError)
    console.error(error.message);
  else console.error('Kenshu could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
