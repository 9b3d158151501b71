import type { RequirementStatus } from '../requirements/status.ts';

/** Why a person matching the team filter gets no reminder from a sender. */
export type ReminderSkipReason = 'sender' | 'completed' | 'already_booked' | 'reminded_recently';

/**
 * Statuses where the person has already acted: a seat held, or attended and awaiting the attendance
 * sheet.
 */
const ALREADY_BOOKED: ReadonlySet<RequirementStatus> = new Set(['booked', 'awaiting_roster']);

/**
 * Whether and why a hand-sent reminder skips a person: never the sender themself, nobody done,
 * nobody already holding a seat, and nobody reminded (by anyone, by any reminder) within the
 * per-person cap. Null: remind them. The order is the one the preview explains them in.
 */
export function reminderSkipReason(
  person: { staffId: number; status: RequirementStatus; lastRemindedAt: Date | undefined },
  context: { senderStaffId: number; now: Date; capDays: number },
): ReminderSkipReason | null {
  if (person.staffId === context.senderStaffId) return 'sender';
  if (person.status === 'completed' || person.status === 'not_required') return 'completed';
  if (ALREADY_BOOKED.has(person.status)) return 'already_booked';
  if (
    person.lastRemindedAt &&
    context.now.getTime() - person.lastRemindedAt.getTime() < context.capDays * 86_400_000
  )
    return 'reminded_recently';
  return null;
}
