/** Where a person stands on one required course in one fiscal year, in the order it matters. */
export type RequirementStatus =
  'completed' | 'booked' | 'waiting' | 'e_learning_assigned' | 'not_started' | 'not_required';

export interface RequirementFacts {
  required: boolean;
  completed: boolean;
  hasConfirmedBooking: boolean;
  waitingCount: number;
  hasOpenAssignment: boolean;
}

/**
 * The status "My training" shows. A completion wins over everything (it is never undone); a seat
 * outranks a waitlist place; an e-learning assignment shows only when nothing better is under way.
 */
export function requirementStatus(f: RequirementFacts): RequirementStatus {
  if (f.completed) return 'completed';
  if (!f.required) return 'not_required';
  if (f.hasConfirmedBooking) return 'booked';
  if (f.waitingCount > 0) return 'waiting';
  if (f.hasOpenAssignment) return 'e_learning_assigned';
  return 'not_started';
}
