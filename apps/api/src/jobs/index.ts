import { autoFinaliseJob } from './auto-finalise.ts';
import {
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
} from './e-learning-assignments.ts';
import { dailyRemindersJob } from './reminders.ts';
import type { Job } from './scheduler.ts';

export {
  runJobHere,
  runJobOnce,
  startScheduler,
  type Job,
  type JobRunner,
  type JobStats,
  type WorkerJob,
} from './scheduler.ts';
export { startJobRunner } from './runner.ts';
export { mailDeliveryJob } from './mail.ts';
export {
  autoFinaliseJob,
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
  dailyRemindersJob,
};

/**
 * Every recurring job the app runs, on every instance alike. Each is idempotent and runs under its
 * own advisory lock. A new job: write a Job (jobs/*.ts) and add it here; startJobRunner gives it a
 * pg-boss queue and schedule on PostgreSQL and a croner schedule on the embedded database.
 */
export const JOBS: Job[] = [
  autoFinaliseJob,
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
  dailyRemindersJob,
];
