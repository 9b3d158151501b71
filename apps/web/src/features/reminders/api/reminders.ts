import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { mailKeys } from '../../mail/index.ts';

const REMINDERS_KEY = ['reminders'] as const;
const TEMPLATES_KEY = ['message-templates'] as const;

export function reminderScheduleQueryOptions(courseId: number) {
  return queryOptions({
    queryKey: [...REMINDERS_KEY, 'schedule', courseId],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.reminders.courses[':id'].schedule.$get(
          { param: { id: String(courseId) } },
          { init: { signal } },
        ),
      ),
  });
}

export function useReminderSchedule(courseId: number) {
  return useQuery(reminderScheduleQueryOptions(courseId));
}

export type ReminderSchedule = Awaited<
  ReturnType<NonNullable<ReturnType<typeof reminderScheduleQueryOptions>['queryFn']>>
>;
export type ReminderScheduleInput = Parameters<
  (typeof api.api.reminders.courses)[':id']['schedule']['$put']
>[0]['json'];

export function useSaveReminderSchedule(courseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ReminderScheduleInput) =>
      unwrap(
        api.api.reminders.courses[':id'].schedule.$put({ param: { id: String(courseId) }, json }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REMINDERS_KEY }),
  });
}

export function reminderSettingsQueryOptions() {
  return queryOptions({
    queryKey: [...REMINDERS_KEY, 'settings'],
    queryFn: ({ signal }) => unwrap(api.api.reminders.settings.$get({}, { init: { signal } })),
  });
}

export function useReminderSettings() {
  return useQuery(reminderSettingsQueryOptions());
}

export type ReminderSettingsInput = Parameters<typeof api.api.reminders.settings.$put>[0]['json'];

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ReminderSettingsInput) => unwrap(api.api.reminders.settings.$put({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REMINDERS_KEY }),
  });
}

export function messageTemplatesQueryOptions() {
  return queryOptions({
    queryKey: TEMPLATES_KEY,
    queryFn: ({ signal }) =>
      unwrap(api.api['message-templates'].$get({}, { init: { signal } })).then((r) => r.items),
  });
}

export function useMessageTemplates() {
  return useQuery(messageTemplatesQueryOptions());
}

export type MessageTemplate = Awaited<
  ReturnType<NonNullable<ReturnType<typeof messageTemplatesQueryOptions>['queryFn']>>
>[number];

type TemplateKey = { kind: string; locale: 'ja' | 'en' };

export function useSaveMessageTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      locale,
      subject,
      body,
    }: TemplateKey & { subject: string; body: string }) =>
      unwrap(
        api.api['message-templates'][':kind'][':locale'].$put({
          param: { kind, locale },
          json: { subject, body },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useResetMessageTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, locale }: TemplateKey) =>
      unwrap(api.api['message-templates'][':kind'][':locale'].$delete({ param: { kind, locale } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export type ReminderRunNow = Awaited<ReturnType<typeof runRemindersNow>>;

function runRemindersNow() {
  return unwrap(api.api.reminders.runs.$post({}));
}

/**
 * Runs today's reminders now; afterwards the last run shown, the outbox and people's message
 * histories are read again, since the run may have written to all of them.
 */
export function useRunRemindersNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRemindersNow,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: REMINDERS_KEY }),
        queryClient.invalidateQueries({ queryKey: mailKeys.all }),
      ]),
  });
}
