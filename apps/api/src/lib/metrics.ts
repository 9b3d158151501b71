import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one app instance (its own registry, so several apps in one test
 * process do not mix). Served at /metrics when KENSHU_METRICS_TOKEN is set.
 */
export function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'kenshu' });
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
    jobsRunning: new Gauge({
      name: 'kenshu_jobs_running',
      help: 'Scheduled jobs running in this instance right now',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
