import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { myTrainingQueryOptions } from '../../features/my-training/api/get-my-training.ts';
import { notificationsQueryOptions } from '../../features/notifications/api/notifications.ts';

/**
 * After a booking changes (booked, moved, cancelled, left a waitlist), what other features show
 * is stale too: my record, and the notifications a promotion may have created. The sessions
 * feature refreshes its own lists; this refreshes the rest.
 */
export function useBookingSync(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: myTrainingQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: notificationsQueryOptions().queryKey }),
      ]),
    [queryClient],
  );
}
