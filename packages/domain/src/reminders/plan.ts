import { capAllows, escalationLevel, reminderStage } from './schedule.ts';
import type { ReminderProgressState, ReminderScheduleRule } from './schedule.ts';
import { daysFrom } from './schedule.ts';

/** One thing a person owes, with its schedule and where they are in it. */
export interface Obligation {
  staffId: number;
  courseId: number;
  fiscalYear: number;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  rule: ReminderScheduleRule;
  progress: ReminderProgressState | null;
}

/** What the day's run records for one obligation it reminded someone of. */
export interface ProgressUpdate {
  staffId: number;
  courseId: number;
  fiscalYear: number;
  dueOn: string;
  lastStage: string;
  lastRemindedOn: string;
  overdueReminders: number;
  escalation: number;
}

/** One person's digest: every obligation they owe, and the ones that made today a reminder day. */
export interface PlannedDigest {
  staffId: number;
  /** Every open obligation, soonest due first: one message lists them all. */
  obligations: Obligation[];
}

/** A person whose overdue obligation goes up a level today. */
export interface PlannedEscalation {
  level: 1 | 2;
  obligation: Obligation;
  overdueReminders: number;
}

export interface ReminderDayPlan {
  digests: PlannedDigest[];
  progress: ProgressUpdate[];
  escalations: PlannedEscalation[];
  /** People a stage called for but the per-person cap held back. */
  capped: number[];
}

/**
 * The day's reminders, decided from every open obligation: one digest per person whose
 * obligations reached a stage of their schedule today (listing all they owe, so several courses
 * make one message), unless the person was reminded within `capDays` by anything. Progress
 * moves only for people who get a digest, so a stage held back by the cap is sent when it lifts.
 * Escalation follows the count of overdue reminders actually sent.
 */
export function planReminderDay(input: {
  today: string;
  capDays: number;
  obligations: readonly Obligation[];
  /** The day each person was last reminded (by the schedule or by someone), if ever. */
  lastReminded: ReadonlyMap<number, string>;
}): ReminderDayPlan {
  const byPerson = new Map<number, Obligation[]>();
  for (const o of input.obligations) {
    const list = byPerson.get(o.staffId) ?? [];
    list.push(o);
    byPerson.set(o.staffId, list);
  }
  const plan: ReminderDayPlan = { digests: [], progress: [], escalations: [], capped: [] };
  for (const [staffId, owed] of byPerson) {
    const staged = owed.flatMap((o) => {
      const stage = reminderStage(o.rule, o.dueOn, input.today, o.progress);
      return stage ? [{ o, stage }] : [];
    });
    if (staged.length === 0) continue;
    if (!capAllows(input.lastReminded.get(staffId) ?? null, input.today, input.capDays)) {
      plan.capped.push(staffId);
      continue;
    }
    owed.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.courseId - b.courseId);
    plan.digests.push({ staffId, obligations: owed });
    for (const { o, stage } of staged) {
      const same = o.progress && o.progress.dueOn === o.dueOn ? o.progress : null;
      const overdue = stage.startsWith('overdue:')
        ? (same?.overdueReminders ?? 0) + 1
        : (same?.overdueReminders ?? 0);
      const was = same?.escalation ?? 0;
      const level = Math.max(was, escalationLevel(o.rule, overdue));
      // One level at a time: the officer hears only after the section head has.
      const next = level > was ? was + 1 : was;
      if (next > was)
        plan.escalations.push({ level: next as 1 | 2, obligation: o, overdueReminders: overdue });
      plan.progress.push({
        staffId,
        courseId: o.courseId,
        fiscalYear: o.fiscalYear,
        dueOn: o.dueOn,
        lastStage: stage,
        lastRemindedOn: input.today,
        overdueReminders: overdue,
        escalation: next,
      });
    }
  }
  return plan;
}

/** Whole days an obligation is overdue on `today` (0 when not yet due). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysFrom(dueOn, today));
}
