import { describe, expect, it } from 'vitest';
import {
  REQUIREMENT_STATUS_RULES,
  REQUIREMENT_STATUSES,
  requirementStatus,
  type RequirementFacts,
} from './status.ts';

const nothing: RequirementFacts = {
  required: true,
  completed: false,
  upcomingSeat: false,
  awaitingRoster: false,
  eLearningOverdue: false,
  eLearningStarted: false,
  eLearningAssigned: false,
  waiting: false,
};
const status = (facts: Partial<RequirementFacts>) => requirementStatus({ ...nothing, ...facts });

describe('requirement status', () => {
  it('is not started when nothing has happened', () => {
    expect(status({})).toBe('not_started');
  });

  it('is completed once completed, whatever else is open, even if no longer required', () => {
    expect(status({ completed: true, upcomingSeat: true, eLearningOverdue: true })).toBe(
      'completed',
    );
    expect(status({ completed: true, required: false })).toBe('completed');
  });

  it('is not required for a course outside the person’s audience', () => {
    expect(status({ required: false, waiting: true })).toBe('not_required');
  });

  it('is booked with a seat on a session that has not ended', () => {
    expect(status({ upcomingSeat: true, eLearningAssigned: true, waiting: true })).toBe('booked');
  });

  it('awaits the attendance sheet after the session ended, and never counts that seat as booked', () => {
    expect(status({ awaitingRoster: true })).toBe('awaiting_roster');
    expect(status({ awaitingRoster: true, eLearningAssigned: true })).toBe('awaiting_roster');
  });

  it('after an absence, shows the e-learning owed rather than the old booking', () => {
    // A finalised absence leaves neither an upcoming seat nor an attendance sheet to wait for.
    expect(status({ eLearningAssigned: true })).toBe('e_learning_assigned');
    expect(status({ eLearningAssigned: true, eLearningStarted: true })).toBe(
      'e_learning_in_progress',
    );
    expect(
      status({ eLearningAssigned: true, eLearningStarted: true, eLearningOverdue: true }),
    ).toBe('e_learning_overdue');
  });

  it('shows e-learning begun by choice as in progress', () => {
    expect(status({ eLearningStarted: true })).toBe('e_learning_in_progress');
  });

  it('puts owed e-learning ahead of a waitlist place', () => {
    expect(status({ waiting: true })).toBe('waiting');
    expect(status({ waiting: true, eLearningAssigned: true })).toBe('e_learning_assigned');
  });

  it('gives every status a rule, and every rule a status the contract knows', () => {
    const ruled = new Set<string>(REQUIREMENT_STATUS_RULES.map((r) => r.status));
    for (const s of REQUIREMENT_STATUSES) {
      if (s !== 'not_started') expect(ruled.has(s)).toBe(true);
    }
    expect(ruled.size).toBe(REQUIREMENT_STATUS_RULES.length);
  });
});
