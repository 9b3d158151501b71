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
export interface Job<R extends { changed: number } = { changed: number }> {
  name: string;
  /** Cron pattern, in Asia/Tokyo. */
  schedule: string;
  /** What the run did; `changed` is logged and counted, anything more is for runHere's caller. */
  run(trx: Transaction<DB>, now: Date, config: Config): Promise<R>;
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
export async function runJobOnce<R extends { changed: number }>(
  database: Pick<Database, 'db'>,
  job: Job<R>,
  config: Config,
  now?: Date,
): Promise<R | null>;
export async function runJobOnce(
  database: Pick<Database, 'db'>,
  job: Job | WorkerJob,
  config: Config,
  now?: Date,
): Promise<{ changed: number } | null>;
export async function runJobOnce<R extends { changed: number }>(
  database: Pick<Database, 'db'>,
  job: Job<R> | WorkerJob,
  config: Config,
  now = systemClock(),
): Promise<R | { changed: number } | null> {
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

/**
 * Runs a job in this instance now and waits for what it did: through this instance's runner, or
 * directly on an instance that runs no jobs (KENSHU_JOBS=off). Either way under the job's
 * advisory lock, so it never overlaps a run on any instance; null when one was going.
 */
export function runJobHere<R extends { changed: number }>(
  runner: JobRunner | null,
  database: Pick<Database, 'db'>,
  job: Job<R>,
  config: Config,
  now: Date,
): Promise<R | null> {
  return runner ? runner.runHere(job) : runJobOnce(database, job, config, now);
}

/** How one job's queue looks right now, for /metrics. */
export interface JobStats {
  name: string;
  /** Runs asked for and not yet started (scheduled, retrying, or asked for with runNow). */
  queued: number;
  active: number;
  /** Runs that failed for good (pg-boss keeps them for a week) or, in-process, since start. */
  failed: number;
}

/**
 * The one interface background work goes through, whichever runner is behind it: pg-boss on
 * PostgreSQL (jobs/pg-boss.ts), an in-process scheduler on the embedded database (below).
 */
export interface JobRunner {
  readonly kind: 'pg-boss' | 'in-process';
  /** True until stop() is called: /api/ready reports it. */
  readonly running: boolean;
  /**
   * Asks for a run of the job now. Asked on several instances at once it runs once: resolves true
   * for the call that queued the run, false when a run was already waiting.
   */
  runNow(name: string): Promise<boolean>;
  /**
   * Runs one of its jobs in this instance now and resolves with what the run did (an admin's
   * "run it now" waits for the outcome): null when a run of it is going already, here or, by the
   * job's advisory lock, on any other instance. Stop waits for it like for any run.
   */
  runHere<R extends { changed: number }>(job: Job<R>): Promise<R | null>;
  stats(): Promise<JobStats[]>;
  /**
   * Takes no new runs, then waits (at most `timeoutMs`) for the runs in progress to finish;
   * resolves true when they all did.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Logs and counts one run; rethrows a failure so a queue can retry it. */
export async function observedRun<R extends { changed: number }>(
  database: Database,
  job: Job<R> | WorkerJob,
  config: Config,
  now: Date,
  { logger, metrics }: { logger: Logger; metrics?: Metrics | undefined },
): Promise<R | { changed: number } | null> {
  const log = logger.child({ job: job.name });
  metrics?.jobsRunning.inc();
  const started = performance.now();
  try {
    const result = await runJobOnce(database, job, config, now);
    metrics?.jobRuns.inc({ job: job.name, outcome: result ? 'done' : 'busy' });
    if (result && result.changed > 0)
      log.info({ changed: result.changed, ms: Math.round(performance.now() - started) }, 'job ran');
    return result;
  } catch (error) {
    metrics?.jobRuns.inc({ job: job.name, outcome: 'failed' });
    log.error({ err: error }, 'job failed');
    throw error;
  } finally {
    metrics?.jobsRunning.dec();
  }
}

/**
 * The in-process runner of the embedded database (one instance per data folder, so nothing to
 * share): every job on its schedule, with croner. A failed run is logged and counted; the next
 * scheduled run tries again.
 */
export function startScheduler(
  database: Database,
  jobs: readonly (Job | WorkerJob)[],
  config: Config,
  clock: Clock = systemClock,
  observe: { logger: Logger; metrics?: Metrics } = { logger: silentLogger },
): JobRunner {
  const inFlight = new Set<Promise<unknown>>();
  const active = new Map<string, number>();
  const failed = new Map<string, number>();
  let running = true;
  // Counted active before its first await, so a second ask at once sees it busy.
  const observed = async (job: Job | WorkerJob) => {
    active.set(job.name, (active.get(job.name) ?? 0) + 1);
    try {
      return await observedRun(database, job, config, clock(), observe);
    } catch (error) {
      failed.set(job.name, (failed.get(job.name) ?? 0) + 1);
      throw error;
    } finally {
      active.set(job.name, (active.get(job.name) ?? 1) - 1);
    }
  };
  const runOnce = (job: Job | WorkerJob) =>
    observed(job).then(
      () => undefined,
      () => undefined,
    );
  const track = <T>(run: Promise<T>) => {
    inFlight.add(run);
    const done = () => void inFlight.delete(run);
    run.then(done, done);
    return run;
  };
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: 'Asia/Tokyo', protect: true, name: job.name }, () => {
        if (!running) return;
        return track(runOnce(job));
      }),
  );
  return {
    kind: 'in-process',
    get running() {
      return running;
    },
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      if (!running || (active.get(name) ?? 0) > 0) return false;
      void track(runOnce(job));
      return true;
    },
    async runHere<R extends { changed: number }>(job: Job<R>) {
      if (!jobs.some((j) => j.name === job.name)) throw new Error(`no job named ${job.name}`);
      if (!running || (active.get(job.name) ?? 0) > 0) return null;
      // observedRun hands back what job.run returned: an R, for a Job<R>.
      return (await track(observed(job))) as R | null;
    },
    async stats() {
      return jobs.map((job) => ({
        name: job.name,
        queued: 0,
        active: active.get(job.name) ?? 0,
        failed: failed.get(job.name) ?? 0,
      }));
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
