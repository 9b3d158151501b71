import type { z } from '@hono/zod-openapi';
import type {
  Holiday,
  ScheduleCheckRequest,
  ScheduleWarning as WarningContract,
} from '@kenshu/contracts';
import { sessionsWithVenueBetween, type Executor } from '@kenshu/db';
import {
  addDays,
  assertTimeRange,
  dayWarnings,
  holidaysBetween,
  timesOverlap,
  venueKey,
  type ScheduleWarning,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';

/** Weekend, holiday and year-end days of a time, and the other sessions in the same venue then. */
export async function scheduleWarnings(
  db: Executor,
  time: { startsAt: Date; endsAt: Date; venue: string | null; sessionId?: number | undefined },
): Promise<ScheduleWarning[]> {
  const warnings = dayWarnings(time.startsAt, time.endsAt);
  const venue = venueKey(time.venue);
  if (venue === null) return warnings;
  const others = await sessionsWithVenueBetween(db, {
    startsAt: time.startsAt,
    endsAt: time.endsAt,
    excludeId: time.sessionId,
  });
  for (const other of others) {
    if (venueKey(other.venue) !== venue || other.venue === null) continue;
    if (!timesOverlap(time, { startsAt: other.starts_at, endsAt: other.ends_at })) continue;
    warnings.push({
      kind: 'venue_overlap',
      sessionId: other.id,
      courseCode: other.course_code,
      courseTitleJa: other.course_title_ja,
      courseTitleEn: other.course_title_en,
      startsAt: other.starts_at,
      endsAt: other.ends_at,
      venue: other.venue,
    });
  }
  return warnings;
}

export function toWarningContract(warning: ScheduleWarning): WarningContract {
  return warning.kind === 'venue_overlap'
    ? { ...warning, startsAt: warning.startsAt.toISOString(), endsAt: warning.endsAt.toISOString() }
    : warning;
}

/** What an admin is warned of before saving a session at this time and place (admins). */
export async function checkSchedule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof ScheduleCheckRequest>;
}): Promise<WarningContract[]> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  assertTimeRange(startsAt, endsAt);
  const warnings = await scheduleWarnings(ctx.db, {
    startsAt,
    endsAt,
    venue: input.venue,
    sessionId: input.sessionId,
  });
  return warnings.map(toWarningContract);
}

/** The national holidays of a month ('YYYY-MM'). */
export function holidaysOfMonth(month: string): z.infer<typeof Holiday>[] {
  const first = `${month}-01`;
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return holidaysBetween(first, addDays(next, -1));
}
