import { AppError, validation } from '../errors.ts';

/**
 * Where a session is in its life: booked ahead (`scheduled`), running (`in_progress`), over but its
 * attendance sheet not yet submitted (`awaiting_roster`), closed for good (`finalised`), or called
 * off (`cancelled`). Only `scheduled` sessions take bookings; only a finalised one is history.
 * `awaiting_roster` keeps its earlier word for the attendance sheet: the API's answers carry it.
 */
export const SESSION_PHASES = [
  'scheduled',
  'in_progress',
  'awaiting_roster',
  'finalised',
  'cancelled',
] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

/** The facts a session's phase follows from. */
export interface SessionPhaseFacts {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  finalisedAt: Date | null;
}

/** The phase of a session at `now`, from its times and its finalised and cancelled flags. */
export function sessionPhase(session: SessionPhaseFacts, now: Date): SessionPhase {
  if (session.status === 'cancelled') return 'cancelled';
  if (session.finalisedAt) return 'finalised';
  if (now < session.startsAt) return 'scheduled';
  if (now < session.endsAt) return 'in_progress';
  return 'awaiting_roster';
}

/**
 * Whether the session has begun (in progress, held or finalised): it is no longer ahead of anyone.
 */
export function hasStarted(phase: SessionPhase): boolean {
  return phase === 'in_progress' || phase === 'awaiting_roster' || phase === 'finalised';
}

/**
 * A booking on a session that has begun is a record of who was expected, not a plan: it cannot be
 * moved or cancelled. Until the attendance sheet is final the trainer records what happened
 * instead; afterwards it is history.
 */
export function assertBookingChangeable(phase: SessionPhase): void {
  if (phase === 'finalised') {
    throw new AppError(
      'SESSION_FINALISED',
      'This session’s attendance sheet is final: its bookings are history and cannot be moved or cancelled',
    );
  }
  if (phase === 'in_progress' || phase === 'awaiting_roster') {
    throw new AppError(
      'SESSION_STARTED',
      'This session has started: the trainer records attendance instead of a move or cancellation',
    );
  }
}

/**
 * A session that has begun changes only with a reason, which goes in the audit log (only admins
 * change sessions at all). A finalised session's attendance is final, so it is never cancelled.
 */
export function assertSessionChangeable(
  phase: SessionPhase,
  change: 'edit' | 'cancel',
  reason: string | undefined,
): void {
  if (phase === 'cancelled') {
    throw new AppError('SESSION_CANCELLED', 'This session is already cancelled');
  }
  if (change === 'cancel' && phase === 'finalised') {
    throw new AppError(
      'SESSION_FINALISED',
      'This session’s attendance sheet is final and cannot be cancelled; correct attendance marks instead',
    );
  }
  if (phase !== 'scheduled' && !reason?.trim()) {
    throw validation('A reason is required to change a session that has already started', {
      field: 'reason',
    });
  }
}
