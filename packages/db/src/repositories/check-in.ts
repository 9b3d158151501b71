import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { CheckInRequestStatus } from '../schema.ts';
import { PERSON_ON_LIST_COLUMNS } from './staff.ts';

/**
 * Reserves one typed-code check against a person's budget for a session before the code is
 * checked: one conditional upsert, so concurrent guesses queue on the row and at most `limit`
 * wrong codes are ever checked. Returns false (nothing reserved) once the budget is spent.
 */
export async function reserveCheckInGuess(
  db: Executor,
  sessionId: number,
  staffId: number,
  limit: number,
  at: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('check_in_attempt')
    .values({ session_id: sessionId, staff_id: staffId, wrong_codes: 1, last_wrong_at: at })
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'staff_id'])
        .doUpdateSet({
          wrong_codes: sql`check_in_attempt.wrong_codes + 1`,
          last_wrong_at: at,
        })
        .where('check_in_attempt.wrong_codes', '<', limit),
    )
    .returning('wrong_codes')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives back a reserved guess whose code was right, so a right code never uses up the budget. */
export async function releaseCheckInGuess(
  db: Executor,
  sessionId: number,
  staffId: number,
): Promise<void> {
  await db
    .updateTable('check_in_attempt')
    .set({ wrong_codes: sql`greatest(wrong_codes - 1, 0)` })
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .execute();
}

/** People who typed wrong codes for a session, for its attendance sheet. */
export async function checkInAttemptsOf(db: Executor, sessionId: number) {
  return db
    .selectFrom('check_in_attempt as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      'a.staff_id',
      'a.wrong_codes',
      'a.last_wrong_at',
      's.staff_number',
      's.family_name',
      's.given_name',
    ])
    .where('a.session_id', '=', sessionId)
    .where('a.wrong_codes', '>', 0)
    .orderBy('a.last_wrong_at', 'desc')
    .execute();
}

/**
 * Records a self check-in request from someone without a seat. A pending or accepted request
 * stays as it is; a rejected one is not reopened by asking again. Returns the request's status.
 */
export async function requestCheckIn(
  db: Executor,
  sessionId: number,
  staffId: number,
  at: Date,
): Promise<CheckInRequestStatus> {
  await db
    .insertInto('check_in_request')
    .values({ session_id: sessionId, staff_id: staffId, status: 'pending', requested_at: at })
    .onConflict((oc) => oc.columns(['session_id', 'staff_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('check_in_request')
    .select('status')
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/**
 * Decides a pending request; returns false when there was no pending request (never made, or
 * decided already), so two trainers deciding at once decide it once.
 */
export async function decideCheckInRequest(
  db: Executor,
  sessionId: number,
  staffId: number,
  decision: 'accepted' | 'rejected',
  by: number,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('check_in_request')
    .set({ status: decision, decided_at: at, decided_by: by })
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0) > 0;
}

/** A session's self check-in requests with who asked, pending first, for its attendance sheet. */
export async function checkInRequestsOf(db: Executor, sessionId: number) {
  return db
    .selectFrom('check_in_request as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select(['r.staff_id', 'r.status', 'r.requested_at', 'r.decided_at', ...PERSON_ON_LIST_COLUMNS])
    .where('r.session_id', '=', sessionId)
    .orderBy(sql`case when r.status = 'pending' then 0 else 1 end`)
    .orderBy('r.requested_at', 'asc')
    .execute();
}

/** How many wrong codes a person has typed for a session. */
export async function wrongCheckInCodes(
  db: Executor,
  sessionId: number,
  staffId: number,
): Promise<number> {
  const row = await db
    .selectFrom('check_in_attempt')
    .select('wrong_codes')
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.wrong_codes ?? 0;
}
