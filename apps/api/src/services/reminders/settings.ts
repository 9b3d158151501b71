import type {
  ReminderRunSummary,
  ReminderSchedule,
  ReminderScheduleInput,
  ReminderSettingsInput,
} from '@kenshu/contracts';
import {
  findCourseById,
  lastReminderRun,
  reminderSchedules,
  reminderSettings,
  saveReminderSchedule,
  saveReminderSettings,
  type Executor,
  type ReminderRunRow,
} from '@kenshu/db';
import {
  DEFAULT_REMINDER_SCHEDULE,
  fiscalYearOfDate,
  notFound,
  reminderScheduleProblems,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins change reminders';

async function scheduleOf(db: Executor, courseId: number): Promise<ReminderSchedule> {
  const saved = (await reminderSchedules(db, [courseId])).get(courseId);
  const rule = saved ?? DEFAULT_REMINDER_SCHEDULE;
  return { ...rule, daysBefore: [...rule.daysBefore], custom: saved !== undefined };
}

/** A course's reminder schedule: its own, or the defaults it follows. */
export async function getReminderSchedule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  requireAdmin(ctx, ADMINS_ONLY);
  if (!(await findCourseById(ctx.db, input.id))) throw notFound('course');
  return scheduleOf(ctx.db, input.id);
}

/** Admins set when a course's reminders go and when they escalate; audited. */
export async function setReminderSchedule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; schedule: ReminderScheduleInput };
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  const rule = {
    ...input.schedule,
    daysBefore: [...input.schedule.daysBefore].sort((a, b) => b - a),
  };
  const problems = reminderScheduleProblems(rule);
  if (problems.length) throw validation(problems.join('; '), { problems });
  return auditedChange(ctx, viewer, async (trx) => {
    if (!(await findCourseById(trx, input.id))) throw notFound('course');
    const before = await scheduleOf(trx, input.id);
    await saveReminderSchedule(trx, input.id, rule, viewer.staffId, ctx.now);
    return {
      answer: await scheduleOf(trx, input.id),
      audit: {
        action: 'reminder_schedule.saved',
        targetType: 'course',
        targetId: input.id,
        before,
        after: rule,
      },
    };
  });
}

/** A recorded day's run, as admins read it. */
export function runSummary(row: ReminderRunRow): ReminderRunSummary {
  return {
    day: row.day,
    fiscalYear: fiscalYearOfDate(row.day),
    ranAt: row.ran_at.toISOString(),
    digests: row.digests,
    escalations: row.escalations,
    capped: row.capped,
    nobodyToTell: row.nobody_to_tell,
    noAddress: row.no_address,
  };
}

async function settingsView(db: Executor, ctx: ServiceContext) {
  const saved = await reminderSettings(db);
  const last = await lastReminderRun(db);
  return {
    capDays: saved.capDays,
    hours: saved.hours,
    effective: {
      capDays: saved.capDays ?? ctx.config.reminderCapDays,
      hours: saved.hours ?? ctx.config.reminderHours,
    },
    lastRun: last ? runSummary(last) : null,
  };
}

export async function getReminderSettings({ ctx }: { ctx: ServiceContext }) {
  requireAdmin(ctx, ADMINS_ONLY);
  return settingsView(ctx.db, ctx);
}

/** Admins set the per-person cap and the hours reminders go out in; audited. */
export async function setReminderSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReminderSettingsInput;
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  if (input.hours && input.hours.from >= input.hours.until) {
    throw validation('The hours must start before they end', { hours: input.hours });
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const before = await reminderSettings(trx);
    await saveReminderSettings(trx, input, viewer.staffId, ctx.now);
    return {
      answer: await settingsView(trx, ctx),
      audit: {
        action: 'reminder_settings.saved',
        targetType: 'org_unit',
        targetId: null,
        before: { capDays: before.capDays, hours: before.hours },
        after: input,
      },
    };
  });
}
