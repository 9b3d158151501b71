import type { MyBooking, RequirementItem } from '../api/get-my-training.ts';

/**
 * What a person should do next for one course, which decides the one primary action shown:
 *
 * - `find_session`: not started and the course has group sessions → "Find a session"
 * - `attend`: holds a seat → the session, "Add to calendar"; "Move" and "Cancel" until the cut-off
 * - `wait`: on one or more waitlists → position, "Leave waitlist"
 * - `start_e_learning`: e-learning assigned → "Start e-learning"
 * - `await_e_learning`: an e-learning-only course not assigned yet → nothing to press
 * - `completed`: how and when
 * - `none`: not required (shown only because of past activity)
 */
export type NextStep =
  | { kind: 'find_session'; courseId: number }
  | { kind: 'attend'; booking: MyBooking; canChange: boolean }
  | { kind: 'wait'; waits: MyBooking[]; courseId: number }
  | {
      kind: 'start_e_learning';
      courseId: number;
      moduleId: number;
      dueOn: string;
      sessionsOffered: boolean;
    }
  | { kind: 'await_e_learning' }
  | { kind: 'completed'; how: 'attended' | 'e_learning' | 'credited'; at: string }
  | { kind: 'none' };

/** The next step for one course of my record. */
export function nextStep(item: RequirementItem): NextStep {
  const courseId = item.course.id;
  const sessionsOffered = item.course.completionModes !== 'e_learning';
  switch (item.status) {
    case 'completed':
      return item.completion
        ? { kind: 'completed', how: item.completion.kind, at: item.completion.recordedAt }
        : { kind: 'none' };
    case 'booked':
      // The record says booked only with a seat; be safe if it ever does not.
      return item.booking
        ? { kind: 'attend', booking: item.booking, canChange: item.booking.canCancel }
        : { kind: 'find_session', courseId };
    case 'waiting':
      return item.waits.length > 0
        ? { kind: 'wait', waits: sortByPosition(item.waits), courseId }
        : { kind: 'find_session', courseId };
    case 'e_learning_assigned':
      return item.assignment
        ? {
            kind: 'start_e_learning',
            courseId,
            moduleId: item.assignment.moduleId,
            dueOn: item.assignment.dueOn,
            sessionsOffered,
          }
        : sessionsOffered
          ? { kind: 'find_session', courseId }
          : { kind: 'await_e_learning' };
    case 'not_started':
      return sessionsOffered ? { kind: 'find_session', courseId } : { kind: 'await_e_learning' };
    case 'not_required':
      return { kind: 'none' };
  }
}

// The place closest to a seat first: that is the one worth watching.
function sortByPosition(waits: readonly MyBooking[]): MyBooking[] {
  return [...waits].sort(
    (a, b) => (a.waitlistPosition ?? Infinity) - (b.waitlistPosition ?? Infinity),
  );
}

/** The statuses in the order a person should deal with them: open work first, done last. */
const STATUS_ORDER: Record<RequirementItem['status'], number> = {
  not_started: 0,
  e_learning_assigned: 1,
  waiting: 2,
  booked: 3,
  completed: 4,
  not_required: 5,
};

/** My courses, what still needs doing first; ties keep the catalogue's order. */
export function sortRequirements(items: readonly RequirementItem[]): RequirementItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] || a.index - b.index)
    .map(({ item }) => item);
}
