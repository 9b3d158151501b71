import type { Database } from '@kenshu/db';
import { Cron } from 'croner';
import { PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../lib/metrics.ts';
import { observedRun, type Job, type JobRunner, type WorkerJob } from './scheduler.ts';

/** pg-boss keeps its tables in a schema of its own, beside the app's. */
export const PG_BOSS_SCHEMA = 'pgboss';

/**
 * The PostgreSQL runner: every job is a pg-boss queue with a cron schedule (Asia/Tokyo), worked
 * by every instance that runs jobs.
 *
 * - A schedule produces one job per occurrence, however many instances run (pg-boss files each
 *   occurrence under one key, so a second instance's insert is refused).
 * - Queues are `stately`: at most one run waiting and one running, so runs never pile up or
 *   overlap (each run also holds its job's advisory lock, see runJobOnce).
 * - A running job sends heartbeats; one whose instance died stops them, and after
 *   KENSHU_JOB_HEARTBEAT_SECONDS any live instance fails it over to a retry, which the next
 *   free worker (on any instance) takes. A run that throws is retried with backoff.
 * - pg-boss files at most one occurrence of a schedule a minute. A job whose cron names seconds
 *   (e-mail delivery, every 15 seconds) is scheduled every minute as a safety net, and each run
 *   files the next one itself for the schedule's next occurrence, so the cadence holds across
 *   instances and a dead instance's chain is picked up again within the minute.
 */
export async function startPgBossRunner(
  database: Database,
  jobs: readonly (Job | WorkerJob)[],
  config: Config & { databaseUrl: string },
  clock: Clock,
  observe: { logger: Logger; metrics?: Metrics | undefined },
): Promise<JobRunner> {
  const { logger } = observe;
  const heartbeat = config.jobHeartbeatSeconds;
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    schema: PG_BOSS_SCHEMA,
    application_name: 'kenshu-jobs',
    max: 4,
    // How soon a dead instance's job is noticed (heartbeats) and a schedule's occurrence filed.
    superviseIntervalSeconds: Math.min(60, heartbeat),
    monitorIntervalSeconds: Math.min(60, heartbeat),
    cronMonitorIntervalSeconds: 5,
    cronWorkerIntervalSeconds: 5,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const byName = new Map(jobs.map((job) => [job.name, job]));
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      policy: 'stately',
      heartbeatSeconds: heartbeat,
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 3600,
      // A run that is still going after a day is failed over to a retry, heartbeats or not.
      expireInSeconds: 24 * 3600,
      deleteAfterSeconds: 7 * 24 * 3600,
    });
    await boss.schedule(job.name, finerThanMinutes(job) ? '* * * * *' : job.schedule, null, {
      tz: 'Asia/Tokyo',
    });
  }
  // A job removed from the code leaves no schedule behind to fire into a queue nobody works.
  for (const schedule of await boss.getSchedules()) {
    if (!byName.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key);
  }
  const active = new Map<string, number>();
  let running = true;
  for (const job of jobs) {
    const next = finerThanMinutes(job)
      ? new Cron(job.schedule, { timezone: 'Asia/Tokyo', paused: true })
      : null;
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      active.set(job.name, (active.get(job.name) ?? 0) + 1);
      try {
        await observedRun(database, job, config, clock(), observe);
      } finally {
        active.set(job.name, (active.get(job.name) ?? 1) - 1);
        // stately: refused (null) when a run already waits, so re-arming never piles runs up.
        const startAfter = next?.nextRun();
        if (running && startAfter) {
          await boss
            .send(job.name, null, { startAfter })
            .catch((error: unknown) =>
              logger.error({ err: error, job: job.name }, 'job re-arm failed'),
            );
        }
      }
    });
  }
  const here = new Set<Promise<unknown>>();
  return {
    kind: 'pg-boss',
    get running() {
      return running;
    },
    async runNow(name) {
      if (!byName.has(name)) throw new Error(`no job named ${name}`);
      // stately: a second ask while one run waits is refused (null), wherever it comes from.
      return (await boss.send(name, null)) !== null;
    },
    async runHere<R extends { changed: number }>(job: Job<R>) {
      if (!byName.has(job.name)) throw new Error(`no job named ${job.name}`);
      if (!running) return null;
      // No queue: the caller waits for the outcome. The advisory lock every run takes (queued
      // ones included, on every instance) keeps it from overlapping any other run of the job.
      active.set(job.name, (active.get(job.name) ?? 0) + 1);
      const run = observedRun(database, job, config, clock(), observe);
      here.add(run);
      try {
        // observedRun hands back what job.run returned: an R, for a Job<R>.
        return (await run) as R | null;
      } finally {
        here.delete(run);
        active.set(job.name, (active.get(job.name) ?? 1) - 1);
      }
    },
    async stats() {
      const queues = await boss.getQueues([...byName.keys()]);
      return queues.map((q) => ({
        name: q.name,
        queued: q.queuedCount,
        active: q.activeCount,
        failed: q.failedCount,
      }));
    },
    async stop(timeoutMs) {
      running = false;
      const busy = () => [...active.values()].some((n) => n > 0);
      // graceful: workers take nothing new and pg-boss waits for running handlers (bounded).
      const deadline = Date.now() + timeoutMs;
      await boss.stop({ graceful: true, close: true, timeout: timeoutMs });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(here),
        new Promise((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
      return !busy();
    },
  };
}

/** A six-field cron pattern names seconds: finer than pg-boss's one occurrence a minute. */
function finerThanMinutes(job: Job | WorkerJob): boolean {
  return job.schedule.trim().split(/\s+/).length === 6;
}
