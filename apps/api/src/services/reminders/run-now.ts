import type { ReminderRunNow } from '@kenshu/contracts';
import { insertAudit, reminderRunOf, runInTransaction, unmailedOnDay } from '@kenshu/db';
import { conflict } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import {
  DIGEST_REASON,
  ESCALATION_REASONS,
  reminderRules,
  type ReminderRunResult,
} from './daily-run.ts';
import { runSummary } from './settings.ts';

/** How many of the people a run could not e-mail the answer names. */
const UNMAILED_SHOWN = 100;

/**
 * An admin's "run today's reminders now": the scheduled run itself (`run`, the daily job run in
 * this instance under its lock, given by the route), so working days, hours, the cap and one
 * digest per person per day hold as they do at nine; a second press sends nothing new. Audited
 * with what it did; a press while a run is going anywhere is refused (409), never run twice.
 */
export async function runRemindersNow({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { run: () => Promise<ReminderRunResult | null> };
}): Promise<ReminderRunNow> {
  const viewer = requireAdmin(ctx, 'Only admins run the reminders');
  const result = await input.run();
  if (!result) {
    throw conflict("Today's reminders are being run right now; try again in a moment", {
      reason: 'reminder_run_in_progress',
    });
  }
  const outcome = result.ran ? 'ran' : (result.skipped ?? 'already_ran');
  return runInTransaction(ctx.db, async (trx) => {
    const [rules, recorded] = await Promise.all([
      reminderRules(trx, ctx.config),
      reminderRunOf(trx, result.day),
    ]);
    const run = recorded ? runSummary(recorded) : null;
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'reminders.run_now',
      targetType: 'org_unit',
      targetId: null,
      after: { outcome, day: result.day, ...run },
      requestId: ctx.requestId,
    });
    const unmailed = run
      ? await unmailedOnDay(trx, result.day, [DIGEST_REASON, ...ESCALATION_REASONS], UNMAILED_SHOWN)
      : [];
    return {
      outcome,
      day: result.day,
      hours: rules.hours,
      run,
      noAddress: unmailed.map((p) => ({
        staffId: p.id,
        staffNumber: p.staff_number,
        name: p.name,
      })),
    };
  });
}
