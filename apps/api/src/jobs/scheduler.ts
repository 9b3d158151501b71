import {
  runInTransaction,
  tryAdvisoryLock,
  type Database,
  type DB,
  type Kysely,
  type Transaction,
} from '@kenshu/db';
import { Cron } from 'croner';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../lib/clock.ts';

/**
 * A recurring job. Each run must be idempotent (running it twice changes nothing more), and runs
 * under a PostgreSQL advisory lock named after the job, so with several app instances only one
 * runs it at a time.
 */
export interface Job {
  name: string;
  /** Cron pattern, in Asia/Tokyo. */
  schedule: string;
  run(trx: Transaction<DB>, now: Date, config: Config): Promise<{ changed: number }>;
}

/**
 * A recurring job that commits as it goes because it talks to the outside world between its
 * transactions (delivering e-mail), and that is safe on several instances at once by itself
 * (row claims), so it takes no advisory lock.
 */
export interface WorkerJob {
  name: string;
  schedule: string;
  concurrent: true;
  run(db: Kysely<DB>, now: Date, config: Config): Promise<{ changed: number }>;
}

/** Runs one job now, if no other instance is running it; returns null when it was busy. */
export async function runJobOnce(
  database: Database,
  job: Job | WorkerJob,
  config: Config,
  now = systemClock(),
): Promise<{ changed: number } | null> {
  if ('concurrent' in job) return job.run(database.db, now, config);
  return runInTransaction(database.db, async (trx) => {
    if (!(await tryAdvisoryLock(trx, `kenshu:${job.name}`))) return null;
    return job.run(trx, now, config);
  });
}

/** Starts every job on its schedule; returns a function that stops them. */
export function startScheduler(
  database: Database,
  jobs: readonly (Job | WorkerJob)[],
  config: Config,
  clock: Clock = systemClock,
): () => void {
  const crons = jobs.map(
    (job) =>
      new Cron(
        job.schedule,
        { timezone: 'Asia/Tokyo', protect: true, name: job.name },
        async () => {
          try {
            const result = await runJobOnce(database, job, config, clock());
            if (result && result.changed > 0)
              console.log(`[job ${job.name}] changed ${result.changed}`);
          } catch (error) {
            console.error(
              `[job ${job.name}] failed:`,
              error instanceof Error ? error.message : error,
            );
          }
        },
      ),
  );
  return () => crons.forEach((c) => c.stop());
}
