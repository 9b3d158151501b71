import type { MyBooking, RequirementItem } from '../api/get-my-training.ts';

/** The session a person missed, as the card explains an e-learning assignment. */
export interface MissedSession {
  startsAt: string;
  mark: 'absent' | 'excused';
}

/**
 * What a person should do next for one course, which decides the one primary action shown:
 *
 * - `find_session`: not started and the course has group sessions → "Find a session"
 * - `attend`: holds a seat on a session ahead → the session, "Add to calendar"; "Move" and
 *   "Cancel" until the cut-off
 * - `await_attendance_sheet`: the session has ended and the trainer has not submitted its
 *   attendance sheet yet
 * - `wait`: on one or more waitlists → position, "Leave waitlist"
 * - `e_learning`: e-learning owed or begun → due day, "Start" or "Continue" straight into it
 * - `await_e_learning`: an e-learning-only course not assigned yet → nothing to press
 * - `completed`: how and when, with the score of a completion by e-learning
 * - `none`: not required (shown only because of past activity)
 */
export type NextStep =
  | { kind: 'find_session'; courseId: number; missed: MissedSession | null }
  | { kind: 'attend'; booking: MyBooking; canChange: boolean }
  | { kind: 'await_attendance_sheet'; startsAt: string; endsAt: string }
  | { kind: 'wait'; waits: MyBooking[]; courseId: number }
  | {
      kind: 'e_learning';
      courseId: number;
      moduleId: number;
      dueOn: string | null;
      overdue: boolean;
      started: boolean;
      missed: MissedSession | null;
      sessionsOffered: boolean;
    }
  | { kind: 'await_e_learning' }
  | {
      kind: 'completed';
      how: 'attended' | 'e_learning' | 'credited';
      on: string;
      /** The e-learning score (%), null when completed otherwise. */
      score: number | null;
    }
  | { kind: 'none' };

function missedSession(item: RequirementItem): MissedSession | null {
  const past = item.pastSession;
  if (!past || !past.finalised) return null;
  return past.mark === 'absent' || past.mark === 'excused'
    ? { startsAt: past.startsAt, mark: past.mark }
    : null;
}

/** The next step for one course of my record. */
export function nextStep(item: RequirementItem): NextStep {
  const courseId = item.course.id;
  const sessionsOffered = item.course.completionModes !== 'e_learning';
  const missed = missedSession(item);
  const fallback: NextStep = sessionsOffered
    ? { kind: 'find_session', courseId, missed }
    : { kind: 'await_e_learning' };
  switch (item.status) {
    case 'completed':
      return item.completion
        ? {
            kind: 'completed',
            how: item.completion.kind,
            on: item.completion.completedOn,
            score: item.completion.score,
          }
        : { kind: 'none' };
    case 'booked':
      // The record says booked only with a seat ahead; be safe if it ever does not.
      return item.booking
        ? { kind: 'attend', booking: item.booking, canChange: item.booking.canCancel }
        : fallback;
    case 'awaiting_roster':
      return item.pastSession
        ? {
            kind: 'await_attendance_sheet',
            startsAt: item.pastSession.startsAt,
            endsAt: item.pastSession.endsAt,
          }
        : fallback;
    case 'waiting':
      return item.waits.length > 0
        ? { kind: 'wait', waits: sortByPosition(item.waits), courseId }
        : fallback;
    case 'e_learning_overdue':
    case 'e_learning_in_progress':
    case 'e_learning_assigned': {
      const moduleId = item.assignment?.moduleId ?? item.eLearningModuleId;
      return moduleId === null
        ? fallback
        : {
            kind: 'e_learning',
            courseId,
            moduleId,
            dueOn: item.assignment?.dueOn ?? null,
            overdue: item.status === 'e_learning_overdue',
            started: item.assignment?.started ?? item.status === 'e_learning_in_progress',
            missed,
            sessionsOffered,
          };
    }
    case 'not_started':
      return fallback;
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
  e_learning_overdue: 0,
  not_started: 1,
  e_learning_assigned: 2,
  e_learning_in_progress: 3,
  waiting: 4,
  booked: 5,
  awaiting_roster: 6,
  completed: 7,
  not_required: 8,
};

/** My courses, what still needs doing first; ties keep the catalogue's order. */
export function sortRequirements(items: readonly RequirementItem[]): RequirementItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] || a.index - b.index)
    .map(({ item }) => item);
}
