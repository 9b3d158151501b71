import { sql, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { AttendanceMark, DB } from '../schema.ts';
import { escapeLike } from './like.ts';
import { matchesStaffSearch } from './staff-search.ts';
import { PERSON_ON_LIST_COLUMNS } from './staff.ts';

/**
 * Everyone a trainer should see for a session: people holding a seat and walk-ins, each with
 * their mark (null while unmarked), optionally filtered by name, kana or staff number.
 */
export async function listAttendanceSheet(db: Executor, sessionId: number, search?: string) {
  let q = db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .leftJoin('booking as b', (join) =>
      join
        .onRef('b.staff_id', '=', 's.id')
        .on('b.session_id', '=', sessionId)
        .on('b.status', '=', 'confirmed'),
    )
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.staff_id', '=', 's.id').on('a.session_id', '=', sessionId),
    )
    .select([
      's.id as staff_id',
      ...PERSON_ON_LIST_COLUMNS,
      'b.id as booking_id',
      'a.mark',
      'a.note',
      'a.is_walk_in',
      'a.via',
      'a.checked_in_at',
      'a.marked_at',
    ])
    .where((eb) => eb.or([eb('b.id', 'is not', null), eb('a.staff_id', 'is not', null)]))
    .orderBy('s.family_name_kana')
    .orderBy('s.given_name_kana')
    .orderBy('s.staff_number');
  if (search) {
    q = q.where((eb) =>
      eb.or([
        matchesStaffSearch(eb, 's', search),
        // A name may also be typed with a space between family and given name.
        eb(sql`s.family_name || ' ' || s.given_name`, 'ilike', `%${escapeLike(search)}%`),
      ]),
    );
  }
  return q.execute();
}

export async function marksOf(db: Executor, sessionId: number, staffIds?: readonly number[]) {
  let q = db.selectFrom('attendance').selectAll().where('session_id', '=', sessionId);
  if (staffIds) {
    if (staffIds.length === 0) return [];
    q = q.where('staff_id', 'in', staffIds);
  }
  return q.execute();
}

/** Sets marks for many people in one statement (insert or change). */
export async function upsertMarks(
  trx: Transaction<DB>,
  sessionId: number,
  marks: readonly {
    staffId: number;
    bookingId: number | null;
    mark: AttendanceMark;
    note: string | null;
    isWalkIn?: boolean;
  }[],
  by: { staffId: number; via: 'trainer' | 'admin' | 'check_in'; at: Date },
): Promise<void> {
  if (marks.length === 0) return;
  await trx
    .insertInto('attendance')
    .values(
      marks.map((m) => ({
        session_id: sessionId,
        staff_id: m.staffId,
        booking_id: m.bookingId,
        mark: m.mark,
        note: m.note,
        is_walk_in: m.isWalkIn ?? false,
        via: by.via,
        checked_in_at: by.via === 'check_in' ? by.at : null,
        marked_by: by.staffId,
        marked_at: by.at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'staff_id']).doUpdateSet((eb) => ({
        mark: eb.ref('excluded.mark'),
        note: eb.ref('excluded.note'),
        via: eb.ref('excluded.via'),
        marked_by: eb.ref('excluded.marked_by'),
        marked_at: eb.ref('excluded.marked_at'),
        // A check-in after an earlier mark keeps its time; a later trainer mark keeps the check-in.
        checked_in_at: sql<Date | null>`coalesce(excluded.checked_in_at, attendance.checked_in_at)`,
      })),
    )
    .execute();
}

/**
 * Gives everyone holding a seat who has no mark yet the same mark, in one statement. Existing
 * marks (an excused learner, say) are never touched. Returns who was marked.
 */
export async function markUnmarked(
  trx: Transaction<DB>,
  sessionId: number,
  mark: AttendanceMark,
  by: { staffId: number | null; via: 'trainer' | 'admin' | 'no_show'; at: Date },
): Promise<number[]> {
  const rows = await trx
    .insertInto('attendance')
    .columns(['session_id', 'staff_id', 'booking_id', 'mark', 'via', 'marked_by', 'marked_at'])
    .expression((eb) =>
      eb
        .selectFrom('booking as b')
        .select([
          'b.session_id',
          'b.staff_id',
          'b.id',
          sql<AttendanceMark>`${mark}::text`.as('mark'),
          sql<string>`${by.via}::text`.as('via'),
          sql<number | null>`${by.staffId}::integer`.as('marked_by'),
          sql<Date>`${by.at}::timestamptz`.as('marked_at'),
        ])
        .where('b.session_id', '=', sessionId)
        .where('b.status', '=', 'confirmed'),
    )
    .onConflict((oc) => oc.columns(['session_id', 'staff_id']).doNothing())
    .returning('staff_id')
    .execute();
  return rows.map((r) => r.staff_id);
}

export async function setSessionFinalised(
  trx: Transaction<DB>,
  sessionId: number,
  by: number | null,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('training_session')
    .set({ finalised_at: at, finalised_by: by })
    .where('id', '=', sessionId)
    .execute();
}

export async function setCheckInSecret(
  db: Executor,
  sessionId: number,
  secret: string,
): Promise<string> {
  // Only the first writer's secret sticks, so two trainers opening the code at once agree.
  await db
    .updateTable('training_session')
    .set({ check_in_secret: secret })
    .where('id', '=', sessionId)
    .where('check_in_secret', 'is', null)
    .execute();
  const row = await db
    .selectFrom('training_session')
    .select('check_in_secret')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return row.check_in_secret ?? secret;
}

/** Sessions whose check-in window is open now (for matching a typed code). */
export async function sessionsInCheckInWindow(db: Executor, now: Date, opensBeforeMs: number) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('check_in_secret', 'is not', null)
    .where('starts_at', '<=', new Date(now.getTime() + opensBeforeMs))
    .where('ends_at', '>', now)
    .execute();
}

/** Ended, unfinalised sessions whose grace period has passed: the no-show sweep picks these. */
export async function sessionsDueForFinalising(db: Executor, endedBefore: Date) {
  return (
    db
      .selectFrom('training_session')
      .select(['id'])
      .where('status', '=', 'scheduled')
      .where('finalised_at', 'is', null)
      .where('ends_at', '<', endedBefore)
      // A session recorded after the fact gets the same time for its attendance sheet, counted from
      // then.
      .where((eb) => eb.or([eb('recorded_at', 'is', null), eb('recorded_at', '<', endedBefore)]))
      .orderBy('id')
      .limit(500)
      .execute()
  );
}

/**
 * Active people who might have walked in: every word of the search must match the staff number
 * (from its start), the name or the kana (stored in hiragana, so pass kana as hiragana). Exact
 * staff numbers first, then by kana; each with whether they are already on the session.
 */
export async function findWalkInCandidates(
  db: Executor,
  sessionId: number,
  words: readonly string[],
  limit: number,
) {
  if (words.length === 0) return [];
  return db
    .selectFrom('staff as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .where('s.active', '=', true)
    .where((eb) =>
      eb.and(
        words.map((w) =>
          matchesStaffSearch(eb, 's', w, { staffNumber: 'from-start', caseSensitiveNames: true }),
        ),
      ),
    )
    .select([
      's.id as staff_id',
      ...PERSON_ON_LIST_COLUMNS,
      sql<boolean>`exists (select 1 from booking b where b.staff_id = s.id and b.session_id = ${sessionId} and b.status = 'confirmed')
        or exists (select 1 from attendance a where a.staff_id = s.id and a.session_id = ${sessionId})`.as(
        'on_sheet',
      ),
    ])
    .orderBy(sql`lower(s.staff_number) = ${words.join('').toLowerCase()}`, 'desc')
    .orderBy('s.family_name_kana')
    .orderBy('s.given_name_kana')
    .orderBy('s.staff_number')
    .limit(limit)
    .execute();
}
