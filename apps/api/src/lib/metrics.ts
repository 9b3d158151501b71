import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one app instance (its own registry, so several apps in one test
 * process do not mix). Served at /metrics when KENSHU_METRICS_TOKEN is set.
 */
export function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'kenshu' });
  /** Read at scrape time: set once the database and job runner exist. */
  const sources: {
    jobs?: { stats(): Promise<{ name: string; queued: number; failed: number }[]> };
    outbox?: () => Promise<{ waiting: number; oldestSeconds: number }>;
  } = {};
  /** A gauge by job of one of the queue's counts, read at scrape time. */
  const jobGauge = (name: string, help: string, count: 'queued' | 'failed') =>
    new Gauge({
      name,
      help,
      labelNames: ['job'] as const,
      registers: [registry],
      async collect() {
        if (!sources.jobs) return;
        const stats = await sources.jobs.stats();
        this.reset();
        for (const s of stats) this.set({ job: s.name }, s[count]);
      },
    });
  const jobQueueFailed = jobGauge(
    'kenshu_job_queue_failed',
    'Job runs that failed for good (after their retries), kept by the queue for a week',
    'failed',
  );
  const outboxOldest = new Gauge({
    name: 'kenshu_outbox_oldest_seconds',
    help: 'Age of the oldest e-mail waiting in the outbox (0 when none waits)',
    registers: [registry],
    async collect() {
      if (sources.outbox) this.set((await sources.outbox()).oldestSeconds);
    },
  });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'kenshu_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'kenshu_sign_in_failures_total',
      help: 'Sign-in attempts refused: wrong credentials (401), locked out (429), bad input (400)',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'kenshu_job_runs_total',
      help: 'Scheduled job runs in this instance, by job and outcome (done, busy, failed)',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    jobQueueDepth: jobGauge(
      'kenshu_job_queue_depth',
      'Job runs waiting in the queue (scheduled, retrying or asked for), by job',
      'queued',
    ),
    jobQueueFailed,
    outboxBacklog: new Gauge({
      name: 'kenshu_outbox_backlog',
      help: 'E-mails waiting to leave the outbox (queued or being sent)',
      registers: [registry],
      async collect() {
        if (!sources.outbox) return;
        this.set((await sources.outbox()).waiting);
      },
    }),
    outboxOldest,
    /** Lets /metrics read the job queue (server.ts, once the runner started). */
    watchJobs(jobs: NonNullable<typeof sources.jobs>) {
      sources.jobs = jobs;
    },
    /** Lets /metrics read the outbox (createApp). */
    watchOutbox(read: NonNullable<typeof sources.outbox>) {
      sources.outbox = read;
    },
    jobsRunning: new Gauge({
      name: 'kenshu_jobs_running',
      help: 'Scheduled jobs running in this instance right now',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
