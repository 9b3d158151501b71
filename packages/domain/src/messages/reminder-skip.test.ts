import { describe, expect, it } from 'vitest';
import { reminderSkipReason } from './reminder-skip.ts';

const now = new Date('2026-12-10T01:00:00Z');
const context = { senderStaffId: 1, now, capDays: 3 };
const person = (over: Partial<Parameters<typeof reminderSkipReason>[0]> = {}) => ({
  staffId: 2,
  status: 'not_started' as const,
  lastRemindedAt: undefined,
  ...over,
});

describe('who a hand-sent reminder skips', () => {
  it('reminds someone not started who was never reminded', () => {
    expect(reminderSkipReason(person(), context)).toBeNull();
  });
  it('never reminds the sender, even when they are not done themself', () => {
    expect(reminderSkipReason(person({ staffId: 1 }), context)).toBe('sender');
  });
  it('skips the done and those holding a seat, but reminds the waitlisted and overdue', () => {
    expect(reminderSkipReason(person({ status: 'completed' }), context)).toBe('completed');
    expect(reminderSkipReason(person({ status: 'booked' }), context)).toBe('already_booked');
    expect(reminderSkipReason(person({ status: 'awaiting_roster' }), context)).toBe(
      'already_booked',
    );
    expect(reminderSkipReason(person({ status: 'waiting' }), context)).toBeNull();
    expect(reminderSkipReason(person({ status: 'e_learning_overdue' }), context)).toBeNull();
  });
  it('skips someone reminded within the cap, and reminds them again once it has passed', () => {
    const justInside = new Date(now.getTime() - 3 * 86_400_000 + 1);
    const justOutside = new Date(now.getTime() - 3 * 86_400_000);
    expect(reminderSkipReason(person({ lastRemindedAt: justInside }), context)).toBe(
      'reminded_recently',
    );
    expect(reminderSkipReason(person({ lastRemindedAt: justOutside }), context)).toBeNull();
  });
});
