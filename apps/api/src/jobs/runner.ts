import type { Database } from '@kenshu/db';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import { silentLogger, type Logger } from '../lib/logger.ts';
import type { Metrics } from '../lib/metrics.ts';
import { startPgBossRunner } from './pg-boss.ts';
import { startScheduler, type Job, type JobRunner, type WorkerJob } from './scheduler.ts';

/**
 * Starts this instance's background work behind the one JobRunner interface: pg-boss on
 * PostgreSQL (several instances share the queue), the in-process scheduler on the embedded
 * database (one instance per data folder). A job is written once, as a Job or WorkerJob, and
 * added to JOBS (jobs/index.ts); both runners run it the same way.
 */
export async function startJobRunner(
  database: Database,
  jobs: readonly (Job | WorkerJob)[],
  config: Config,
  clock: Clock = systemClock,
  observe: { logger: Logger; metrics?: Metrics | undefined } = { logger: silentLogger },
): Promise<JobRunner> {
  const { databaseUrl } = config;
  const runner =
    database.kind === 'postgres' && databaseUrl
      ? await startPgBossRunner(database, jobs, { ...config, databaseUrl }, clock, observe)
      : startScheduler(database, jobs, config, clock, observe);
  observe.metrics?.watchJobs(runner);
  observe.logger.info({ runner: runner.kind, jobs: jobs.map((j) => j.name) }, 'jobs started');
  return runner;
}
