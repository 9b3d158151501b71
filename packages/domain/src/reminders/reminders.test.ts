import { describe, expect, it } from 'vitest';
import { planReminderDay, type Obligation } from './plan.ts';
import {
  DEFAULT_REMINDER_SCHEDULE as RULE,
  capAllows,
  isReminderTime,
  reminderScheduleProblems,
  reminderStage,
} from './schedule.ts';

const progress = (
  lastStage: string,
  lastRemindedOn: string,
  overdueReminders = 0,
  escalation = 0,
) => ({
  dueOn: '2027-03-31',
  lastStage,
  lastRemindedOn,
  overdueReminders,
  escalation,
});

describe('reminderStage', () => {
  it('waits until the first configured day before', () => {
    expect(reminderStage(RULE, '2027-03-31', '2027-03-16', null)).toBeNull();
    expect(reminderStage(RULE, '2027-03-31', '2027-03-17', null)).toBe('before:14');
  });
  it('makes up a day before that fell on a weekend, once', () => {
    expect(reminderStage(RULE, '2027-03-31', '2027-03-19', null)).toBe('before:14');
    expect(
      reminderStage(RULE, '2027-03-31', '2027-03-19', progress('before:14', '2027-03-17')),
    ).toBeNull();
    expect(
      reminderStage(RULE, '2027-03-31', '2027-03-29', progress('before:14', '2027-03-17')),
    ).toBe('before:3');
  });
  it('reminds on the due date, then every N days while overdue', () => {
    expect(
      reminderStage(RULE, '2027-03-31', '2027-03-31', progress('before:3', '2027-03-28')),
    ).toBe('due');
    expect(reminderStage(RULE, '2027-03-31', '2027-04-01', progress('due', '2027-03-31'))).toBe(
      'overdue:1',
    );
    expect(
      reminderStage(RULE, '2027-03-31', '2027-04-05', progress('overdue:1', '2027-04-01', 1)),
    ).toBeNull();
    expect(
      reminderStage(RULE, '2027-03-31', '2027-04-08', progress('overdue:1', '2027-04-01', 1)),
    ).toBe('overdue:2');
  });
  it('starts again for a new due date, and says nothing when disabled', () => {
    expect(
      reminderStage(RULE, '2027-05-31', '2027-05-31', progress('overdue:3', '2027-04-20', 3)),
    ).toBe('due');
    expect(reminderStage({ ...RULE, enabled: false }, '2027-03-31', '2027-04-08', null)).toBeNull();
  });
});

describe('when reminders may go', () => {
  it('only on working days inside the hours, Tokyo time', () => {
    const hours = { from: '09:00', until: '17:00' };
    expect(isReminderTime(new Date('2027-03-17T10:00:00+09:00'), hours)).toBe(true);
    expect(isReminderTime(new Date('2027-03-17T08:59:00+09:00'), hours)).toBe(false);
    expect(isReminderTime(new Date('2027-03-17T17:00:00+09:00'), hours)).toBe(false);
    expect(isReminderTime(new Date('2027-03-20T10:00:00+09:00'), hours)).toBe(false); // Saturday
    expect(isReminderTime(new Date('2027-03-22T10:00:00+09:00'), hours)).toBe(false); // 春分の日 (substitute)
  });
  it('at most once every cap days', () => {
    expect(capAllows(null, '2027-03-17', 3)).toBe(true);
    expect(capAllows('2027-03-15', '2027-03-17', 3)).toBe(false);
    expect(capAllows('2027-03-14', '2027-03-17', 3)).toBe(true);
  });
  it('refuses schedules the database would', () => {
    expect(reminderScheduleProblems(RULE)).toEqual([]);
    expect(reminderScheduleProblems({ ...RULE, daysBefore: [0, 3, 3] }).length).toBe(2);
    expect(reminderScheduleProblems({ ...RULE, officerAfter: RULE.escalateAfter })).toHaveLength(1);
  });
});

describe('planReminderDay', () => {
  const owe = (
    staffId: number,
    courseId: number,
    dueOn: string,
    p: Obligation['progress'] = null,
  ): Obligation => ({
    staffId,
    courseId,
    fiscalYear: 2026,
    dueOn,
    rule: RULE,
    progress: p,
  });
  it('sends one digest listing everything a person owes', () => {
    const plan = planReminderDay({
      today: '2027-03-17',
      capDays: 3,
      obligations: [owe(1, 10, '2027-03-31'), owe(1, 11, '2027-06-30'), owe(2, 11, '2027-06-30')],
      lastReminded: new Map(),
    });
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0]?.obligations.map((o) => o.courseId)).toEqual([10, 11]);
    expect(plan.progress).toHaveLength(1);
  });
  it('holds a person back within the cap, and escalates only on reminders sent', () => {
    const overdue = owe(1, 10, '2027-03-31', {
      ...progress('overdue:1', '2027-04-01', 1),
    });
    const capped = planReminderDay({
      today: '2027-04-08',
      capDays: 3,
      obligations: [overdue],
      lastReminded: new Map([[1, '2027-04-07']]),
    });
    expect(capped.capped).toEqual([1]);
    expect(capped.escalations).toEqual([]);
    const sent = planReminderDay({
      today: '2027-04-08',
      capDays: 3,
      obligations: [overdue],
      lastReminded: new Map(),
    });
    expect(sent.escalations).toMatchObject([{ level: 1, overdueReminders: 2 }]);
    expect(sent.progress[0]).toMatchObject({ overdueReminders: 2, escalation: 1 });
  });
});
