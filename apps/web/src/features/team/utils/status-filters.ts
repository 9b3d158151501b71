/** A status the list can be narrowed to; the people not yet done are shown when none is given. */
export const TEAM_STATUS_FILTERS = [
  'not_completed',
  'all',
  'completed',
  'booked',
  'awaiting_roster',
  'e_learning_overdue',
  'e_learning_in_progress',
  'e_learning_assigned',
  'waiting',
  'not_started',
] as const;
export type TeamStatusFilter = (typeof TEAM_STATUS_FILTERS)[number];

/** What the page shows until the viewer picks another status: the people still to chase. */
export const DEFAULT_TEAM_STATUS = 'not_completed' satisfies TeamStatusFilter;
