import type { TrainingSession } from '@kenshu/db';
import { sessionPhase, type SessionPhase } from '@kenshu/domain';

/** A stored session's phase at `now` (the rule is @kenshu/domain's sessionPhase). */
export function phaseOf(
  session: Pick<TrainingSession, 'status' | 'starts_at' | 'ends_at' | 'finalised_at'>,
  now: Date,
): SessionPhase {
  return sessionPhase(
    {
      status: session.status,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      finalisedAt: session.finalised_at,
    },
    now,
  );
}
