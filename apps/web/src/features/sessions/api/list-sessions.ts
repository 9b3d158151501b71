import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { sessionKeys } from './keys.ts';

export interface SessionFilters {
  courseId?: number | undefined;
  /** 'YYYY-MM'. */
  month?: string | undefined;
  venue?: string | undefined;
  withSeats?: boolean | undefined;
  /** mine: courses I must take (the default); all: everything (admins, section heads, officers). */
  scope?: 'mine' | 'all' | undefined;
  includeCancelled?: boolean | undefined;
  fiscalYear?: number | undefined;
  /** Only sessions not yet begun (unless a month is chosen). */
  upcoming?: boolean | undefined;
}

/** Sessions matching the filters, soonest first. */
export async function listSessions(filters: SessionFilters, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.sessions.$get(
      {
        query: {
          scope: filters.scope ?? 'mine',
          ...(filters.courseId === undefined ? {} : { courseId: String(filters.courseId) }),
          ...(filters.month ? { month: filters.month } : {}),
          ...(filters.venue ? { venue: filters.venue } : {}),
          ...(filters.withSeats ? { withSeats: 'true' as const } : {}),
          ...(filters.includeCancelled ? { includeCancelled: 'true' as const } : {}),
          ...(filters.upcoming ? { upcoming: 'true' as const } : {}),
          ...(filters.fiscalYear === undefined ? {} : { fiscalYear: String(filters.fiscalYear) }),
        },
      },
      { init: { signal } },
    ),
  );
  return items;
}

export function listSessionsQueryOptions(filters: SessionFilters) {
  return queryOptions({
    queryKey: sessionKeys.list(filters),
    queryFn: ({ signal }) => listSessions(filters, signal),
    // Changing a filter keeps the current list on screen until the new one arrives.
    placeholderData: keepPreviousData,
    // Seats go quickly in booking season: a minute-old count would mislead.
    staleTime: 10_000,
  });
}

export function useSessions(filters: SessionFilters) {
  return useQuery(listSessionsQueryOptions(filters));
}

/**
 * The seat I hold on each of my courses this fiscal year (course id → booking and session), read
 * from the unfiltered list so a filter never hides the seat a "Move here" would move.
 */
export function useMySeats() {
  return useQuery({
    ...listSessionsQueryOptions({}),
    select: (sessions) => {
      const seats = new Map<number, { bookingId: number; sessionId: number; startsAt: string }>();
      for (const s of sessions) {
        if (s.myPlace?.status === 'confirmed') {
          seats.set(s.course.id, {
            bookingId: s.myPlace.bookingId,
            sessionId: s.id,
            startsAt: s.startsAt,
          });
        }
      }
      return seats;
    },
  });
}
