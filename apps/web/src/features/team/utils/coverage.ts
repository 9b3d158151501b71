/** The counts the API gives for a course among the people one oversees. */
export interface TeamCounts {
  required: number;
  completed: number;
  booked: number;
  awaitingRoster: number;
  eLearningOverdue: number;
  eLearningInProgress: number;
  eLearningAssigned: number;
  waiting: number;
  notStarted: number;
}

/**
 * Coverage (把握率): the share of the people who must take the course who have completed it, as a
 * whole percentage, or null when nobody must take it. Rounded down, so 100% is shown only when
 * everyone is done and 0% only when nobody is.
 */
export function coveragePercent(counts: Pick<TeamCounts, 'required' | 'completed'>): number | null {
  if (counts.required <= 0) return null;
  const done = Math.min(Math.max(counts.completed, 0), counts.required);
  const percent = Math.floor((done * 100) / counts.required);
  return done > 0 && percent === 0 ? 1 : percent;
}
