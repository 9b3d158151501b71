import type { Executor, TrainingSession } from '@kenshu/db';
import { AppError, validation, type Viewer } from '@kenshu/domain';
import type { Config } from '../../config.ts';
import { requireTrainerOrAdmin } from '../../lib/service-context.ts';

/**
 * When a session's marks lock for trainers: the configured days after it ends, or after it was
 * recorded when an admin typed it in afterwards (its paper sheet gets the usual time).
 */
export function lockAt(
  session: Pick<TrainingSession, 'ends_at' | 'recorded_at'>,
  config: Pick<Config, 'attendanceLockDays'>,
): Date {
  const from = Math.max(session.ends_at.getTime(), session.recorded_at?.getTime() ?? 0);
  return new Date(from + config.attendanceLockDays * 86_400_000);
}

/** When marking (and self check-in) opens: the configured minutes before the start. */
export function markingOpensAt(
  session: Pick<TrainingSession, 'starts_at'>,
  config: Pick<Config, 'checkInOpensMinutes'>,
): Date {
  return new Date(session.starts_at.getTime() - config.checkInOpensMinutes * 60_000);
}

/**
 * Who may change marks now: the session's trainers from when check-in opens until the lock;
 * admins at any time, but after the lock only with a reason (it goes in the audit log).
 * Returns how the change should be recorded.
 */
export async function assertMayMark(
  db: Executor,
  viewer: Viewer,
  session: TrainingSession,
  now: Date,
  config: Config,
  reason: string | undefined,
): Promise<'trainer' | 'admin'> {
  const role = await requireTrainerOrAdmin(
    db,
    viewer,
    session.id,
    'Only this session’s trainers and the training office mark attendance',
  );
  if (session.status === 'cancelled')
    throw new AppError('SESSION_CANCELLED', 'This session was cancelled');
  if (now < markingOpensAt(session, config)) {
    throw new AppError(
      'ATTENDANCE_NOT_OPEN',
      'Attendance can be marked from shortly before the session starts',
    );
  }
  if (now >= lockAt(session, config)) {
    if (role === 'trainer') {
      throw new AppError(
        'ATTENDANCE_LOCKED',
        'These marks are locked; ask the training office to change them',
      );
    }
    if (!reason)
      throw validation('A reason is required to change locked marks', { field: 'reason' });
    return 'admin';
  }
  return role;
}
