// What the app layer and other features may use of the team feature.
export {
  DEFAULT_TEAM_STATUS,
  TEAM_STATUS_FILTERS,
  type TeamStatusFilter,
} from './utils/status-filters.ts';
