import {
  refreshStatistics,
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
import { silentLogger, type Logger } from '../lib/logger.ts';
import type { Metrics } from '../lib/metrics.ts';

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
  /**
   * Tables the job writes to in bulk: after a run that changed something, once committed, their
   * planner statistics are refreshed (ANALYZE), so the next reads are not planned for old sizes.
   */
  analyze?: readonly (keyof DB & string)[];
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
  const result = await runInTransaction(database.db, async (trx) => {
    if (!(await tryAdvisoryLock(trx, `kenshu:${job.name}`))) return null;
    return job.run(trx, now, config);
  });
  if (result && result.changed > 0 && job.analyze?.length) {
    await refreshStatistics(database.db, job.analyze);
  }
  return result;
}

/** The running scheduler of one instance. */
export interface Scheduler {
  /** True until stop() is called: /api/ready reports it. */
  readonly running: boolean;
  /**
   * Takes no new runs, then waits (at most `timeoutMs`) for the runs in progress to finish;
   * resolves true when they all did.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Starts every job on its schedule. Each run is logged (JSON) and counted for /metrics. */
export function startScheduler(
  database: Database,
  jobs: readonly (Job | WorkerJob)[],
  config: Config,
  clock: Clock = systemClock,
  observe: { logger: Logger; metrics?: Metrics } = { logger: silentLogger },
): Scheduler {
  const { logger, metrics } = observe;
  const inFlight = new Set<Promise<void>>();
  let running = true;
  const runOnce = async (job: Job | WorkerJob) => {
    const log = logger.child({ job: job.name });
    metrics?.jobsRunning.inc();
    const started = performance.now();
    try {
      const result = await runJobOnce(database, job, config, clock());
      metrics?.jobRuns.inc({ job: job.name, outcome: result ? 'done' : 'busy' });
      if (result && result.changed > 0)
        log.info(
          { changed: result.changed, ms: Math.round(performance.now() - started) },
          'job ran',
        );
    } catch (error) {
      metrics?.jobRuns.inc({ job: job.name, outcome: 'failed' });
      log.error({ err: error }, 'job failed');
    } finally {
      metrics?.jobsRunning.dec();
    }
  };
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: 'Asia/Tokyo', protect: true, name: job.name }, () => {
        if (!running) return;
        const run = runOnce(job);
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
        return run;
      }),
  );
  return {
    get running() {
      return running;
    },
    async stop(timeoutMs) {
      running = false;
      crons.forEach((c) => c.stop());
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const finished = Promise.allSettled(inFlight).then(() => true as const);
      const outcome = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      return outcome;
    },
  };
}
