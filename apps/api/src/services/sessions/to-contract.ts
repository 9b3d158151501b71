import type { TrainingSession as SessionContract } from '@kenshu/contracts';
import {
  placesOfPersonOn,
  trainersOf,
  waitlistPosition,
  type Executor,
  type TrainingSession,
} from '@kenshu/db';
import { seatsLeft } from '@kenshu/domain';
import { phaseOf } from './phase.ts';

type SessionRow = TrainingSession & {
  course_code: string;
  course_title_ja: string;
  course_title_en: string;
  waiting_count: number | null;
};

/** Sessions as the API returns them, with trainers and the viewer's own place on each. */
export async function toSessionContracts(
  db: Executor,
  rows: SessionRow[],
  opts: { now: Date; viewerStaffId: number | null },
): Promise<SessionContract[]> {
  const ids = rows.map((r) => r.id);
  const [trainers, mine] = await Promise.all([
    trainersOf(db, ids),
    opts.viewerStaffId !== null ? placesOfPersonOn(db, opts.viewerStaffId, ids) : [],
  ]);
  const mineBySession = new Map(mine.map((b) => [b.session_id, b]));
  return Promise.all(
    rows.map(async (s) => {
      const place = mineBySession.get(s.id);
      return {
        id: s.id,
        course: {
          id: s.course_id,
          code: s.course_code,
          titleJa: s.course_title_ja,
          titleEn: s.course_title_en,
        },
        fiscalYear: s.fiscal_year,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        venue: s.venue,
        onlineUrl: s.online_url,
        capacity: s.capacity,
        seatsTaken: s.seats_taken,
        seatsLeft: seatsLeft(s.seats_taken, s.capacity),
        waitingCount: s.waiting_count ?? 0,
        bookingOpensAt: s.booking_opens_at.toISOString(),
        bookingCutoffAt: s.booking_cutoff_at.toISOString(),
        minAttendance: s.min_attendance,
        status: s.status,
        phase: phaseOf(s, opts.now),
        finalisedAt: s.finalised_at?.toISOString() ?? null,
        cancelReason: s.cancel_reason,
        recordedReason: s.recorded_reason,
        trainers: trainers
          .filter((t) => t.session_id === s.id)
          .map((t) => ({ id: t.id, name: `${t.family_name} ${t.given_name}` })),
        bookable:
          s.status === 'scheduled' &&
          opts.now >= s.booking_opens_at &&
          opts.now < s.booking_cutoff_at &&
          opts.now < s.starts_at,
        myPlace: place
          ? {
              bookingId: place.id,
              status:
                place.status === 'confirmed' ? ('confirmed' as const) : ('waitlisted' as const),
              waitlistPosition:
                place.status === 'waitlisted' ? await waitlistPosition(db, place) : null,
            }
          : null,
      };
    }),
  );
}
