import { addDays, tokyoDateOf } from '../fiscal-year.ts';
import { isWorkingDay } from '../working-days.ts';

/**
 * A course's reminder schedule: when a person who owes the course hears about it, and when the
 * people above them do. Pure rules; the daily run (apps/api) applies them to every obligation.
 */
export interface ReminderScheduleRule {
  enabled: boolean;
  /** Days before the due date on which to remind, e.g. [14, 3]. */
  daysBefore: readonly number[];
  onDueDate: boolean;
  /** While overdue, remind again every this many days. */
  overdueEveryDays: number;
  /** After this many overdue reminders the person's section head is told… */
  escalateAfter: number;
  /** …and after this many, the unit security officer of their bureau. */
  officerAfter: number;
}

/** What a course without its own schedule follows. */
export const DEFAULT_REMINDER_SCHEDULE: ReminderScheduleRule = {
  enabled: true,
  daysBefore: [14, 3],
  onDueDate: true,
  overdueEveryDays: 7,
  escalateAfter: 2,
  officerAfter: 4,
};

export const MAX_DAYS_BEFORE = 365;
export const MAX_OVERDUE_EVERY_DAYS = 365;
export const MAX_ESCALATE_AFTER = 50;

/** Why a schedule cannot be saved, or nothing. The database checks the same bounds. */
export function reminderScheduleProblems(rule: ReminderScheduleRule): string[] {
  const problems: string[] = [];
  const whole = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
  if (rule.daysBefore.length > 10) problems.push('daysBefore: at most 10 days');
  if (!rule.daysBefore.every((d) => whole(d, 1, MAX_DAYS_BEFORE)))
    problems.push(`daysBefore: whole days from 1 to ${MAX_DAYS_BEFORE}`);
  if (new Set(rule.daysBefore).size !== rule.daysBefore.length)
    problems.push('daysBefore: each day once');
  if (!whole(rule.overdueEveryDays, 1, MAX_OVERDUE_EVERY_DAYS))
    problems.push(`overdueEveryDays: from 1 to ${MAX_OVERDUE_EVERY_DAYS}`);
  if (!whole(rule.escalateAfter, 1, MAX_ESCALATE_AFTER))
    problems.push(`escalateAfter: from 1 to ${MAX_ESCALATE_AFTER}`);
  if (!whole(rule.officerAfter, 2, MAX_ESCALATE_AFTER) || rule.officerAfter <= rule.escalateAfter)
    problems.push(`officerAfter: more than escalateAfter, at most ${MAX_ESCALATE_AFTER}`);
  return problems;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Where one person stands in the schedule of one obligation, as last recorded. */
export interface ReminderProgressState {
  /** The due date the progress was about; a new due date starts the schedule again. */
  dueOn: string;
  lastStage: string;
  lastRemindedOn: string;
  overdueReminders: number;
  /** 0: nobody else told; 1: the section head; 2: the unit security officer too. */
  escalation: number;
}

/**
 * The stage of the schedule an obligation due on `dueOn` has reached on `today`, if it calls for
 * a reminder not yet sent: `before:N` (the nearest configured day before that has passed, so a
 * day that fell on a weekend is made up on the next working day), `due`, or `overdue:N` (the
 * N-th overdue reminder, every `overdueEveryDays` days). Null when nothing is due today.
 */
export function reminderStage(
  rule: ReminderScheduleRule,
  dueOn: string,
  today: string,
  progress: ReminderProgressState | null,
): string | null {
  if (!rule.enabled) return null;
  const current = progress && progress.dueOn === dueOn ? progress : null;
  const left = daysFrom(today, dueOn);
  if (left > 0) {
    const reached = rule.daysBefore.filter((d) => d >= left);
    if (reached.length === 0) return null;
    const stage = `before:${Math.min(...reached)}`;
    if (!current) return stage;
    // Already told at this stage or a later one (fewer days before, or on the day).
    if (!current.lastStage.startsWith('before:')) return null;
    const told = Number(current.lastStage.slice('before:'.length));
    return told > Math.min(...reached) ? stage : null;
  }
  if (left === 0) {
    if (!rule.onDueDate) return null;
    return current?.lastStage === 'due' ? null : 'due';
  }
  const overdue = current?.overdueReminders ?? 0;
  if (overdue > 0 && current && daysFrom(current.lastRemindedOn, today) < rule.overdueEveryDays)
    return null;
  return `overdue:${overdue + 1}`;
}

/** The escalation level an obligation should have reached after `overdueReminders`. */
export function escalationLevel(rule: ReminderScheduleRule, overdueReminders: number): 0 | 1 | 2 {
  if (overdueReminders >= rule.officerAfter) return 2;
  if (overdueReminders >= rule.escalateAfter) return 1;
  return 0;
}

/** When scheduled reminders may go out: working days, inside these Tokyo hours. */
export interface ReminderWindow {
  /** 'HH:MM' Tokyo. */
  from: string;
  /** 'HH:MM' Tokyo, exclusive. */
  until: string;
}

/**
 * Whether the daily run may send at `now`: on a Japanese working day (no weekend, national
 * holiday or year-end closure) and inside the configured hours in Tokyo.
 */
export function isReminderTime(now: Date, window: ReminderWindow): boolean {
  const today = tokyoDateOf(now);
  if (!isWorkingDay(today)) return false;
  const minutes = Math.floor(((now.getTime() + 9 * 3_600_000) % 86_400_000) / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return hhmm >= window.from && hhmm < window.until;
}

/**
 * The first day on which a person last reminded on `lastRemindedOn` may be reminded again: at
 * most one reminder every `capDays` days, whatever sent it.
 */
export function nextAllowedReminderDay(lastRemindedOn: string, capDays: number): string {
  return addDays(lastRemindedOn, capDays);
}

/** Whether the cap lets a person last reminded on `last` (or never) be reminded on `today`. */
export function capAllows(last: string | null, today: string, capDays: number): boolean {
  return last === null || today >= nextAllowedReminderDay(last, capDays);
}
