import { z } from '@hono/zod-openapi';
import { MESSAGE_KINDS } from '@kenshu/domain';
import {
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  Locale,
  PersonRef,
  routesOf,
} from './common.ts';

const remindersRoute = routesOf('reminders');
const messagesRoute = routesOf('messages');

/** A course's reminder schedule, as the course form edits it. */
export const ReminderScheduleInput = z
  .object({
    enabled: z.boolean(),
    daysBefore: z
      .array(z.number().int().min(1).max(365))
      .max(10)
      .openapi({ description: 'Days before the due date to remind on, e.g. [14, 3]' }),
    onDueDate: z.boolean(),
    overdueEveryDays: z.number().int().min(1).max(365),
    escalateAfter: z
      .number()
      .int()
      .min(1)
      .max(50)
      .openapi({ description: 'Overdue reminders before the section head is told' }),
    officerAfter: z
      .number()
      .int()
      .min(2)
      .max(50)
      .openapi({ description: 'Overdue reminders before the unit security officer is told' }),
  })
  .strict()
  .openapi('ReminderScheduleInput');
export type ReminderScheduleInput = z.infer<typeof ReminderScheduleInput>;

export const ReminderSchedule = ReminderScheduleInput.extend({
  /** False: the course follows the defaults (shown here). */
  custom: z.boolean(),
}).openapi('ReminderSchedule');
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;

export const getReminderSchedule = remindersRoute({
  method: 'get',
  path: '/courses/{id}/schedule',
  summary: "A course's reminder schedule (admins)",
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Schedule', ReminderSchedule),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const putReminderSchedule = remindersRoute({
  method: 'put',
  path: '/courses/{id}/schedule',
  summary: "Change a course's reminder schedule (admins)",
  request: {
    params: IdParam,
    body: jsonBody(ReminderScheduleInput),
  },
  responses: {
    200: jsonResponse('Saved', ReminderSchedule),
    ...errorResponses(400, 401, 403, 404),
  },
});

const TokyoTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** The per-person cap and sending hours; null: the instance's configuration applies. */
export const ReminderSettingsInput = z
  .object({
    capDays: z.number().int().min(1).max(60).nullable(),
    hours: z.object({ from: TokyoTime, until: TokyoTime }).strict().nullable(),
  })
  .strict()
  .openapi('ReminderSettingsInput');
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInput>;

/** What a day's reminder run decided, as recorded once for the day. */
export const ReminderRunSummary = z
  .object({
    day: z.string(),
    /** The fiscal year the run chased: the one its day is in. */
    fiscalYear: z.number().int(),
    ranAt: z.string(),
    digests: z.number().int(),
    escalations: z.number().int(),
    capped: z.number().int(),
    /** People escalated with no section head or unit security officer above them to tell. */
    nobodyToTell: z.number().int(),
    /** People told in the app only, for want of an e-mail address. */
    noAddress: z.number().int(),
  })
  .openapi('ReminderRunSummary');
export type ReminderRunSummary = z.infer<typeof ReminderRunSummary>;

export const ReminderSettings = ReminderSettingsInput.extend({
  /** What is in force now (the setting, or the configuration's default). */
  effective: z.object({
    capDays: z.number().int(),
    hours: z.object({ from: z.string(), until: z.string() }),
  }),
  lastRun: ReminderRunSummary.nullable(),
}).openapi('ReminderSettings');
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const getReminderSettings = remindersRoute({
  method: 'get',
  path: '/settings',
  summary: 'Reminder cap and hours (admins)',
  responses: {
    200: jsonResponse('Settings', ReminderSettings),
    ...errorResponses(401, 403),
  },
});

export const putReminderSettings = remindersRoute({
  method: 'put',
  path: '/settings',
  summary: 'Change the reminder cap and hours (admins)',
  request: {
    body: jsonBody(ReminderSettingsInput),
  },
  responses: {
    200: jsonResponse('Saved', ReminderSettings),
    ...errorResponses(400, 401, 403),
  },
});

/** What pressing "run today's reminders now" did. */
export const ReminderRunNow = z
  .object({
    outcome: z.enum(['ran', 'already_ran', 'not_working_day_or_hours']).openapi({
      description:
        "ran: decided now; already_ran: today's run had been decided (nothing new is sent); " +
        'not_working_day_or_hours: today is not a working day or it is outside the hours',
    }),
    /** The Tokyo day the press was for. */
    day: z.string(),
    hours: z.object({ from: z.string(), until: z.string() }),
    /** Today's run (just now, or earlier today); null when none ran. */
    run: ReminderRunSummary.nullable(),
    /** Whom today's run told in the app only, having no e-mail address (the first 100). */
    noAddress: z.array(PersonRef),
  })
  .openapi('ReminderRunNow');
export type ReminderRunNow = z.infer<typeof ReminderRunNow>;

export const runRemindersNow = remindersRoute({
  method: 'post',
  path: '/runs',
  summary: "Run today's scheduled reminders now, by the same rules (admins)",
  description:
    'Runs the daily reminder job in this instance and waits for it. Working days, hours, the ' +
    'per-person cap and one digest per person per day still hold, so a second press sends ' +
    'nothing new. 409 while a run of it is going on any instance.',
  responses: {
    200: jsonResponse('What the run did', ReminderRunNow),
    ...errorResponses(401, 403, 409),
  },
});

export const MessageKindParam = z.enum(MESSAGE_KINDS as [string, ...string[]]);

/** One kind of message with its words in both languages. */
export const MessageTemplateView = z
  .object({
    kind: z.string(),
    mandatory: z.boolean(),
    placeholders: z.array(z.string()),
    ja: z.object({ subject: z.string(), body: z.string(), custom: z.boolean() }),
    en: z.object({ subject: z.string(), body: z.string(), custom: z.boolean() }),
  })
  .openapi('MessageTemplateView');
export type MessageTemplateView = z.infer<typeof MessageTemplateView>;

export const listMessageTemplates = messagesRoute({
  method: 'get',
  path: '/',
  summary: 'The words of every kind of message (admins)',
  responses: {
    200: jsonResponse('Templates', listOf(MessageTemplateView)),
    ...errorResponses(401, 403),
  },
});

const TemplateParams = z.object({
  kind: MessageKindParam.openapi({ param: { name: 'kind', in: 'path' } }),
  locale: Locale.openapi({ param: { name: 'locale', in: 'path' } }),
});

export const MessageTemplateInput = z
  .object({ subject: z.string().max(10_000), body: z.string().max(20_000) })
  .strict()
  .openapi('MessageTemplateInput');

export const putMessageTemplate = messagesRoute({
  method: 'put',
  path: '/{kind}/{locale}',
  summary: 'Set the words of one kind in one language (admins)',
  request: {
    params: TemplateParams,
    body: jsonBody(MessageTemplateInput),
  },
  responses: {
    200: jsonResponse('Saved', MessageTemplateView),
    ...errorResponses(400, 401, 403),
  },
});

export const deleteMessageTemplate = messagesRoute({
  method: 'delete',
  path: '/{kind}/{locale}',
  summary: "Go back to the catalogue's words (admins)",
  request: { params: TemplateParams },
  responses: {
    200: jsonResponse('Reset', MessageTemplateView),
    ...errorResponses(400, 401, 403),
  },
});
