import { describe, expect, it } from 'vitest';
import { assignmentDueOn, isOverdue } from './due-date.ts';

describe('assignment due dates', () => {
  it('falls the due period after the start day', () => {
    expect(assignmentDueOn('2026-09-10', 30, 2026)).toBe('2026-10-10');
  });

  it('never falls after the fiscal year ends', () => {
    expect(assignmentDueOn('2027-03-15', 30, 2026)).toBe('2027-03-31');
  });

  it('refuses a period of less than a day', () => {
    expect(() => assignmentDueOn('2026-09-10', 0, 2026)).toThrow(/at least 1/);
  });

  it('calls only open assignments past their day overdue', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-10-10' }, '2026-10-11')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-10-10' }, '2026-10-10')).toBe(false);
    expect(isOverdue({ status: 'completed', dueOn: '2026-10-10' }, '2026-12-01')).toBe(false);
  });
});
