import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** My notifications, newest first. */
export async function getNotifications(signal?: AbortSignal) {
  const { items } = await unwrap(api.api.me.notifications.$get(undefined, { init: { signal } }));
  return items;
}

export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => getNotifications(signal),
  });
}

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}

/** One notification, as the API sends it. */
export type AppNotification = Awaited<ReturnType<typeof getNotifications>>[number];

export function markNotificationRead(id: number) {
  return unwrap(api.api.me.notifications[':id'].read.$post({ param: { id: String(id) } }));
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationsQueryOptions().queryKey }),
  });
}
