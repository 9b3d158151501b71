import { REQUIREMENT_STATUSES, type RequirementStatus } from '@kenshu/domain';

/**
 * A status the list can be narrowed to; the people not yet done are shown when none is given.
 * The team page lists only people required, so every requirement status but not_required.
 */
export const TEAM_STATUS_FILTERS = [
  'not_completed',
  'all',
  ...REQUIREMENT_STATUSES.filter(
    (s): s is Exclude<RequirementStatus, 'not_required'> => s !== 'not_required',
  ),
] as const;
export type TeamStatusFilter = (typeof TEAM_STATUS_FILTERS)[number];

/** What the page shows until the viewer picks another status: the people still to chase. */
export const DEFAULT_TEAM_STATUS = 'not_completed' satisfies TeamStatusFilter;
