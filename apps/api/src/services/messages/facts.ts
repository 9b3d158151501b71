import { findStaffById, sessionsWithCourseTitles, type Course, type Executor } from '@kenshu/db';
import type { CourseFacts, PersonFacts, SessionFacts } from '@kenshu/domain';

/** A course as messages name it. */
export function courseFacts(course: Pick<Course, 'title_ja' | 'title_en'>): CourseFacts {
  return { titleJa: course.title_ja, titleEn: course.title_en };
}

/** Sessions as messages describe them, by id. */
export async function sessionFacts(
  db: Executor,
  sessionIds: readonly number[],
): Promise<Map<number, SessionFacts>> {
  const rows = await sessionsWithCourseTitles(db, sessionIds);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        course: courseFacts(r),
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        venue: r.venue,
        online: r.online_url !== null,
      },
    ]),
  );
}

/** One session's facts; it exists (the caller holds or just read it). */
export async function oneSessionFacts(db: Executor, sessionId: number): Promise<SessionFacts> {
  const facts = (await sessionFacts(db, [sessionId])).get(sessionId);
  if (!facts) throw new Error(`session ${sessionId} vanished while writing its message`);
  return facts;
}

/** A person as messages name them ("who acted"). */
export async function personFacts(db: Executor, staffId: number): Promise<PersonFacts> {
  const row = await findStaffById(db, staffId);
  return { name: row ? `${row.family_name} ${row.given_name}` : '—' };
}
