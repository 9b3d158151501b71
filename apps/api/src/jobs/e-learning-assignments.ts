import { assignAfterWindowCloses, assignWithoutGroupAccess } from '../services/e-learning/rules.ts';
import type { Job } from './scheduler.ts';

/** What a night's assignments write to in bulk: the assignments and the notices about them. */
const ASSIGNMENT_TABLES = ['assignment', 'notification'] as const;

/** Rule 2 of e-learning assignment: after a course's group-session window closes. */
export const assignAfterWindowClosesJob: Job = {
  name: 'e-learning.assign-after-window-closes',
  schedule: '10 3 * * *',
  run: async (trx, now) => ({ changed: await assignAfterWindowCloses(trx, now) }),
  analyze: ASSIGNMENT_TABLES,
};

/** Rule 3 of e-learning assignment: units without access to group sessions. */
export const assignWithoutGroupAccessJob: Job = {
  name: 'e-learning.assign-without-group-access',
  schedule: '20 3 * * *',
  run: async (trx, now) => ({ changed: await assignWithoutGroupAccess(trx, now) }),
  analyze: ASSIGNMENT_TABLES,
};
