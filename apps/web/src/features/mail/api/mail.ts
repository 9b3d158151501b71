import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { mailKeys } from './keys.ts';

/** How many messages of a person's history one look shows. */
const HISTORY_PAGE = 20;

/** What was sent to a person (or to me, when `staffId` is undefined): when, why, delivered? */
export function useMessageHistory(staffId: number | undefined) {
  return useQuery({
    queryKey: mailKeys.history(staffId),
    queryFn: ({ signal }) =>
      staffId === undefined
        ? unwrap(
            api.api.me.messages.$get(
              { query: { limit: String(HISTORY_PAGE) } },
              { init: { signal } },
            ),
          )
        : unwrap(
            api.api.staff[':id'].messages.$get(
              { param: { id: String(staffId) }, query: { limit: String(HISTORY_PAGE) } },
              { init: { signal } },
            ),
          ),
  });
}

export type MessageHistoryPage = NonNullable<ReturnType<typeof useMessageHistory>['data']>;
export type SentMessage = MessageHistoryPage['items'][number];

export type MailStatus = SentMessage['status'];

export interface OutboxSearch {
  status?: MailStatus | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the outbox, newest first, with the count per status (admins). */
export function useOutbox(search: OutboxSearch) {
  return useQuery({
    queryKey: mailKeys.outbox(search),
    queryFn: ({ signal }) =>
      unwrap(
        api.api.outbox.$get(
          {
            query: {
              limit: String(search.limit),
              offset: String(search.offset),
              ...(search.status ? { status: search.status } : {}),
              ...(search.q ? { q: search.q } : {}),
            },
          },
          { init: { signal } },
        ),
      ),
    placeholderData: keepPreviousData,
  });
}

export type OutboxPage = NonNullable<ReturnType<typeof useOutbox>['data']>;

/** Puts failed e-mails back in the queue. */
export function useRetryOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => unwrap(api.api.outbox.retry.$post({ json: { ids } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.outboxes() }),
  });
}
