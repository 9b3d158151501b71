import type { JobRunner } from '../jobs/scheduler.ts';

/**
 * What this instance is doing, for /api/ready: server.ts reports whether its jobs run and when it
 * starts shutting down, so a load balancer stops sending it requests before it goes.
 */
export interface Lifecycle {
  jobsRunning(): boolean;
  draining(): boolean;
  /** This instance's job runner, for an admin's "run it now"; null when it runs no jobs. */
  jobs?(): JobRunner | null;
}

/** A lifecycle server.ts can update as the instance starts jobs and begins to shut down. */
export function createLifecycle() {
  const state = { jobs: null as JobRunner | null, draining: false };
  return {
    state,
    jobsRunning: () => state.jobs?.running ?? false,
    jobs: () => state.jobs,
    draining: () => state.draining,
  } satisfies Lifecycle & { state: unknown };
}
