import { finaliseOverdueAttendanceSheets } from '../services/attendance/finalise.ts';
import type { Job } from './scheduler.ts';

/** Closes the attendance sheets trainers never submitted, some hours after their sessions ended. */
export const autoFinaliseJob: Job = {
  name: 'attendance.auto-finalise',
  schedule: '*/10 * * * *',
  run: async (trx, now, config) => ({
    changed: await finaliseOverdueAttendanceSheets(trx, now, config.autoFinaliseHours),
  }),
};
