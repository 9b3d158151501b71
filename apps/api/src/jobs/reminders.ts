import { runDailyReminders, type ReminderRunResult } from '../services/reminders/daily-run.ts';
import type { Job } from './scheduler.ts';

/**
 * The daily reminder run. It wakes every ten minutes but decides a day once (on the first wake
 * inside the configured hours of a working day), so the hours can change without a restart. An
 * admin's "run now" runs this same job (runHere), and reads what it did from `run`.
 */
export const dailyRemindersJob: Job<{ changed: number; run: ReminderRunResult }> = {
  name: 'reminders.daily',
  schedule: '*/10 * * * *',
  run: async (trx, now, config) => {
    const result = await runDailyReminders(trx, now, config);
    return { changed: result.digests + result.escalations, run: result };
  },
};
