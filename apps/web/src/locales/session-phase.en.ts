import type { sessionPhaseJa } from './session-phase.ja.ts';

/** English words of a session's phase (scheduled, held, finalised…), the same keys as Japanese. */
export const sessionPhaseEn: typeof sessionPhaseJa = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  awaiting_roster: 'Held, awaiting the attendance sheet',
  finalised: 'Finalised',
  cancelled: 'Cancelled',
};
