import {
  deleteMessageTemplate as deleteMessageTemplateRoute,
  getReminderSchedule as getReminderScheduleRoute,
  getReminderSettings as getReminderSettingsRoute,
  listMessageTemplates as listMessageTemplatesRoute,
  putMessageTemplate,
  putReminderSchedule,
  putReminderSettings,
  runRemindersNow as runRemindersNowRoute,
} from '@kenshu/contracts';
import { anyOf, type MessageKind } from '@kenshu/domain';
import { dailyRemindersJob, runJobHere } from '../jobs/index.ts';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import {
  listMessageTemplates,
  resetTemplate,
  saveTemplate,
} from '../services/messages/templates.ts';
import {
  getReminderSchedule,
  getReminderSettings,
  setReminderSchedule,
  setReminderSettings,
} from '../services/reminders/settings.ts';
import { runRemindersNow } from '../services/reminders/run-now.ts';

const ADMINS = anyOf('admin');

/** Courses' reminder schedules and the cap and hours every reminder keeps to. */
export const reminderRoutes = createRouter()
  .openapi(withAccess(getReminderScheduleRoute, ADMINS), async (c) => {
    return c.json(
      await getReminderSchedule({ ctx: serviceContext(c), input: c.req.valid('param') }),
      200,
    );
  })
  .openapi(withAccess(putReminderSchedule, ADMINS), async (c) => {
    const { id } = c.req.valid('param');
    const schedule = c.req.valid('json');
    return c.json(
      await setReminderSchedule({ ctx: serviceContext(c), input: { id, schedule } }),
      200,
    );
  })
  .openapi(withAccess(getReminderSettingsRoute, ADMINS), async (c) => {
    return c.json(await getReminderSettings({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(putReminderSettings, ADMINS), async (c) => {
    return c.json(
      await setReminderSettings({ ctx: serviceContext(c), input: c.req.valid('json') }),
      200,
    );
  })
  .openapi(withAccess(runRemindersNowRoute, ADMINS), async (c) => {
    const ctx = serviceContext(c);
    const runner = c.var.lifecycle.jobs?.() ?? null;
    const run = async () =>
      (await runJobHere(runner, c.var.database, dailyRemindersJob, ctx.config, ctx.now))?.run ??
      null;
    return c.json(await runRemindersNow({ ctx, input: { run } }), 200);
  });

/** The wording of every kind of message, in both languages. */
export const messageTemplateRoutes = createRouter()
  .openapi(withAccess(listMessageTemplatesRoute, ADMINS), async (c) => {
    return c.json(await listMessageTemplates({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(putMessageTemplate, ADMINS), async (c) => {
    const { kind, locale } = c.req.valid('param');
    const words = c.req.valid('json');
    return c.json(
      await saveTemplate({
        ctx: serviceContext(c),
        input: { kind: kind as MessageKind, locale, ...words },
      }),
      200,
    );
  })
  .openapi(withAccess(deleteMessageTemplateRoute, ADMINS), async (c) => {
    const { kind, locale } = c.req.valid('param');
    return c.json(
      await resetTemplate({ ctx: serviceContext(c), input: { kind: kind as MessageKind, locale } }),
      200,
    );
  });
