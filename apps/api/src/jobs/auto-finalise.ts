import { finaliseOverdueRosters } from '../services/attendance/finalise.ts';
import type { Job } from './scheduler.ts';

/** Closes the rosters trainers never submitted, some hours after their sessions ended. */
export const autoFinaliseJob: Job = {
  name: 'attendance.auto-finalise',
  schedule: '*/10 * * * *',
  run: async (trx, now, config) => ({
    changed: await finaliseOverdueRosters(trx, now, config.autoFinaliseHours),
  }),
};
