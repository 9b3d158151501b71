import type { Course, Executor } from '@kenshu/db';
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
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_session as s')
    .innerJoin('course as c', 'c.id', 's.course_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.venue',
      's.online_url',
      'c.title_ja',
      'c.title_en',
    ])
    .where('s.id', 'in', [...new Set(sessionIds)])
    .execute();
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
  const row = await db
    .selectFrom('staff')
    .select(['family_name', 'given_name'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  return { name: row ? `${row.family_name} ${row.given_name}` : '—' };
}
