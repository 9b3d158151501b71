import {
  chasers,
  courseObligations,
  listCourses,
  peopleForDigest,
  recordReminderRun,
  reminderRunOf,
  reminderSchedules,
  reminderSettings,
  remindedSince,
  resolveAudience,
  saveReminderProgress,
  withoutJit,
  type DB,
  type Executor,
  type Transaction,
} from '@kenshu/db';
import {
  addDays,
  daysFrom,
  daysOverdue,
  DEFAULT_REMINDER_SCHEDULE,
  fiscalYearOf,
  fiscalYearRange,
  isReminderTime,
  planReminderDay,
  tokyoDateOf,
  tokyoDateTime,
  type CourseFacts,
  type Obligation,
  type OverduePersonFacts,
  type PlannedEscalation,
} from '@kenshu/domain';
import type { Config } from '../../config.ts';
import { courseFacts } from '../messages/facts.ts';
import { loadTemplates, sendMessages, type Outgoing } from '../messages/send.ts';

/** Kinds of message that count towards the per-person cap, whoever sent them. */
export const CAPPED_KINDS = ['reminder.digest', 'training.reminder'] as const;

/** The reason (with the day as period) a scheduled digest is written under: once a day. */
export const DIGEST_REASON = 'reminder.schedule';
const ESCALATION_REASON = { 1: 'escalation.section_head', 2: 'escalation.unit_security_officer' };
/** The reasons escalation digests are written under, a day as their period. */
export const ESCALATION_REASONS = Object.values(ESCALATION_REASON);

export interface ReminderRunResult {
  ran: boolean;
  /** Why nothing ran. */
  skipped?: 'not_working_day_or_hours' | 'already_ran';
  day: string;
  digests: number;
  escalations: number;
  /** People a stage called for whom the cap held back. */
  capped: number;
  /** People escalated with no section head or officer above them to tell. */
  nobodyToTell: number;
  /** People reminded, or told of others, in the app only: they have no e-mail address. */
  noAddress: number;
  /** The fiscal year whose obligations the run chased (the one `day` is in). */
  fiscalYear: number;
}

/** The cap and hours in force: the admins' setting, else the instance's configuration. */
export async function reminderRules(
  db: Executor,
  config: Pick<Config, 'reminderCapDays' | 'reminderHours'>,
) {
  const saved = await reminderSettings(db);
  return {
    capDays: saved.capDays ?? config.reminderCapDays,
    hours: saved.hours ?? config.reminderHours,
  };
}

/** Every open obligation of the fiscal year with its schedule and progress, and course facts. */
export async function openObligations(db: Executor, now: Date) {
  const today = tokyoDateOf(now);
  const fiscalYear = fiscalYearOf(now);
  const at = { fiscalYear, now, today, yearEnd: fiscalYearRange(fiscalYear).lastDay };
  const courses = await listCourses(db);
  const schedules = await reminderSchedules(db);
  const facts = new Map<number, CourseFacts>();
  const obligations: Obligation[] = [];
  for (const course of courses) {
    const rule = schedules.get(course.id) ?? DEFAULT_REMINDER_SCHEDULE;
    if (!rule.enabled) continue;
    facts.set(course.id, courseFacts(course));
    const audience = await resolveAudience(db, course.audience);
    const rows = await courseObligations(db, { id: course.id, audience }, at);
    for (const r of rows) {
      obligations.push({
        staffId: r.staff_id,
        courseId: course.id,
        fiscalYear,
        dueOn: r.due_on,
        rule,
        progress:
          r.progress_due_on && r.last_stage && r.last_reminded_on
            ? {
                dueOn: r.progress_due_on,
                lastStage: r.last_stage,
                lastRemindedOn: r.last_reminded_on,
                overdueReminders: r.overdue_reminders ?? 0,
                escalation: r.escalation ?? 0,
              }
            : null,
      });
    }
  }
  return { today, obligations, courseFacts: facts };
}

/**
 * The day's scheduled reminders, decided and written in the caller's transaction: one digest per
 * person listing all they owe, on working days inside the hours, within the per-person cap; then
 * the escalation digests to section heads and unit security officers. Each message is one outbox
 * row unique per (person, reason, day), and the day itself is recorded once, so a retry, a crash
 * or a second instance decides nothing twice.
 */
export async function runDailyReminders(
  trx: Transaction<DB>,
  now: Date,
  config: Config,
): Promise<ReminderRunResult> {
  const today = tokyoDateOf(now);
  const result: ReminderRunResult = {
    ran: false,
    day: today,
    digests: 0,
    escalations: 0,
    capped: 0,
    nobodyToTell: 0,
    noAddress: 0,
    fiscalYear: fiscalYearOf(now),
  };
  const rules = await reminderRules(trx, config);
  if (!isReminderTime(now, rules.hours)) return { ...result, skipped: 'not_working_day_or_hours' };
  if (await reminderRunOf(trx, today)) return { ...result, skipped: 'already_ran' };

  await withoutJit(trx);
  const open = await openObligations(trx, now);
  const since = tokyoDateTime(addDays(today, -(rules.capDays - 1)), '00:00');
  const last = await remindedSince(trx, 'all', CAPPED_KINDS, since);
  const lastReminded = new Map([...last].map(([id, at]) => [id, tokyoDateOf(at)]));
  const plan = planReminderDay({
    today,
    capDays: rules.capDays,
    obligations: open.obligations,
    lastReminded,
  });
  const courseOf = (id: number) => open.courseFacts.get(id) ?? { titleJa: '—', titleEn: '—' };
  const templates = await loadTemplates(trx);
  const env = { now, config, templates };

  const digests: Outgoing[] = plan.digests.map((d) => ({
    kind: 'reminder.digest',
    staffId: d.staffId,
    reason: DIGEST_REASON,
    period: today,
    facts: {
      obligations: d.obligations.map((o) => ({
        course: courseOf(o.courseId),
        fiscalYear: o.fiscalYear,
        dueOn: o.dueOn,
        daysLeft: daysFrom(today, o.dueOn),
      })),
    },
  }));
  const summary = await sendMessages(trx, env, digests);
  const told = new Set([...summary.queued, ...summary.noAddress, ...summary.optedOut]);
  await saveReminderProgress(
    trx,
    plan.progress
      .filter((p) => told.has(p.staffId))
      .map((p) => ({
        staff_id: p.staffId,
        course_id: p.courseId,
        fiscal_year: p.fiscalYear,
        due_on: p.dueOn,
        last_stage: p.lastStage,
        last_reminded_on: p.lastRemindedOn,
        overdue_reminders: p.overdueReminders,
        escalation: p.escalation,
      })),
  );
  const escalated = plan.escalations.filter((e) => told.has(e.obligation.staffId));
  const escalations = await escalationDigests(trx, escalated, today, courseOf);
  const escalationSummary = await sendMessages(trx, env, escalations.messages);

  result.ran = true;
  result.digests = told.size;
  result.escalations = escalations.messages.length;
  result.capped = plan.capped.length;
  result.nobodyToTell = escalations.nobodyToTell;
  result.noAddress = summary.noAddress.length + escalationSummary.noAddress.length;
  await recordReminderRun(trx, {
    day: today,
    ran_at: now,
    digests: result.digests,
    escalations: result.escalations,
    capped: result.capped,
    nobody_to_tell: result.nobodyToTell,
    no_address: result.noAddress,
  });
  return result;
}

/**
 * One digest per section head (level 1) or unit security officer (level 2) listing their people
 * whose overdue reminders reached the level today: the nearest section head overseeing the
 * person's unit, and the officer of the bureau, agency or regional office it is in. Nobody is told about
 * themselves.
 */
async function escalationDigests(
  db: Executor,
  escalated: readonly PlannedEscalation[],
  today: string,
  courseOf: (id: number) => CourseFacts,
): Promise<{ messages: Outgoing[]; nobodyToTell: number }> {
  if (escalated.length === 0) return { messages: [], nobodyToTell: 0 };
  const [people, above] = await Promise.all([
    peopleForDigest(db, [...new Set(escalated.map((e) => e.obligation.staffId))]),
    chasers(db),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const nearest = (path: string, staffId: number, candidates: { id: number; path: string }[]) =>
    candidates
      .filter((c) => c.id !== staffId && path.startsWith(c.path))
      .sort((a, b) => b.path.length - a.path.length || a.id - b.id)[0];
  const heads = above.filter((c) => c.section_head).map((c) => ({ id: c.id, path: c.head_path }));
  const officers = above
    .filter((c) => c.officer)
    .map((c) => ({ id: c.id, path: c.bureau_path ?? c.path }));
  const lists = new Map<string, { level: 1 | 2; to: number; people: OverduePersonFacts[] }>();
  let nobodyToTell = 0;
  for (const e of escalated) {
    const person = personById.get(e.obligation.staffId);
    if (!person) continue;
    const to = nearest(person.path, person.id, e.level === 1 ? heads : officers);
    if (!to) {
      nobodyToTell++;
      continue;
    }
    const key = `${e.level}:${to.id}`;
    const list = lists.get(key) ?? { level: e.level, to: to.id, people: [] };
    list.people.push({
      name: `${person.family_name} ${person.given_name}`,
      staffNumber: person.staff_number,
      unitJa: person.name_ja,
      unitEn: person.name_en,
      course: courseOf(e.obligation.courseId),
      dueOn: e.obligation.dueOn,
      daysOverdue: daysOverdue(e.obligation.dueOn, today),
      reminders: e.overdueReminders,
    });
    lists.set(key, list);
  }
  const messages: Outgoing[] = [...lists.values()].map((l) => ({
    kind: 'escalation.digest',
    staffId: l.to,
    reason: ESCALATION_REASON[l.level],
    period: today,
    facts: {
      level: l.level === 1 ? 'section_head' : 'unit_security_officer',
      people: l.people.sort((a, b) => a.staffNumber.localeCompare(b.staffNumber)),
    },
  }));
  return { messages, nobodyToTell };
}
