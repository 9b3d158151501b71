import { autoFinaliseJob } from '../services/attendance/finalise.ts';
import {
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
} from './e-learning-assignments.ts';
import { dailyRemindersJob } from './reminders.ts';
import type { Job } from './scheduler.ts';

export {
  runJobOnce,
  startScheduler,
  type Job,
  type Scheduler,
  type WorkerJob,
} from './scheduler.ts';
export { mailDeliveryJob } from './mail.ts';
export {
  autoFinaliseJob,
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
  dailyRemindersJob,
};

/** Every recurring job the app runs. Each is idempotent and runs under its own advisory lock. */
export const JOBS: Job[] = [
  autoFinaliseJob,
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
  dailyRemindersJob,
];
