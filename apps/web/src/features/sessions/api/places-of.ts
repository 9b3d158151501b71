import type { TrainingSession } from '@kenshu/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getStaffTraining } from '../../staff/index.ts';
import type { HeldSeat } from '../utils/session-action.ts';
import { sessionKeys } from './keys.ts';

/** A place on one session, in the shape the finder shows for the viewer's own. */
export type SessionPlace = NonNullable<TrainingSession['myPlace']>;

/** Where someone stands on one of their courses this fiscal year. */
export interface CourseStanding {
  completed: boolean;
  /** Their seat on a session of the course, if any ("Move here" moves it). */
  seat: HeldSeat | undefined;
  /** Their seat and waitlist places, by session id. */
  places: Map<number, SessionPlace>;
}

export function placesOfQueryOptions(staffId: number) {
  return queryOptions({
    // Under the sessions key, so every booking change (which invalidates it) refreshes them too.
    queryKey: sessionKeys.placesOf(staffId),
    // Their record for the current fiscal year (the API lets only people who oversee them read it).
    queryFn: ({ signal }) => getStaffTraining(staffId, undefined, signal),
    select: (record) => {
      const courses = new Map<number, CourseStanding>();
      for (const item of record.items) {
        const places = new Map<number, SessionPlace>();
        for (const b of [...(item.booking ? [item.booking] : []), ...item.waits]) {
          if (b.status === 'cancelled') continue;
          places.set(b.sessionId, {
            bookingId: b.id,
            status: b.status,
            waitlistPosition: b.waitlistPosition,
          });
        }
        courses.set(item.course.id, {
          completed: item.completion !== null,
          seat: item.booking
            ? {
                bookingId: item.booking.id,
                sessionId: item.booking.sessionId,
                startsAt: item.booking.startsAt,
              }
            : undefined,
          places,
        });
      }
      return courses;
    },
  });
}

/**
 * The places of the person I am booking for, by course id: a course missing from the map is not
 * one they must take. Nothing is fetched until someone is chosen.
 */
export function usePlacesOf(staffId: number | undefined) {
  return useQuery({ ...placesOfQueryOptions(staffId ?? 0), enabled: staffId !== undefined });
}
