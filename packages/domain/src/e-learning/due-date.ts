import { validation } from '../errors.ts';
import { addDays, fiscalYearRange } from '../fiscal-year.ts';

/** The due period a rule uses when an admin has not set one. */
export const DEFAULT_DUE_DAYS = 30;

/**
 * The day an assignment is due: `days` after `from`, but never after the fiscal year it counts
 * for has ended, since a completion after 31 March would count for the next year.
 */
export function assignmentDueOn(from: string, days: number, fiscalYear: number): string {
  if (!Number.isInteger(days) || days < 1) {
    throw validation('The due period must be a whole number of days, at least 1', { days });
  }
  const due = addDays(from, days);
  const { firstDay, lastDay } = fiscalYearRange(fiscalYear);
  if (due < firstDay) return firstDay;
  return due > lastDay ? lastDay : due;
}

/** Whether an open assignment is past its due day on `today` (both 'YYYY-MM-DD'). */
export function isOverdue(assignment: { status: string; dueOn: string }, today: string): boolean {
  return assignment.status === 'open' && assignment.dueOn < today;
}
