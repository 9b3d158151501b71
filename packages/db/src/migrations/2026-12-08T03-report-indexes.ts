import { sql, type Kysely } from 'kysely';

// Frozen: indexes for the annual report, as of this date. Imports no app code.
//
// A report finds each person's first completion not withdrawn for a course and year. The
// withdrawals are few: a partial index lets "is it withdrawn?" probe them instead of reading
// every completion ever recorded. The counting completions in (course, year, person, time)
// order let the "first one per person" be read in index order instead of sorted, which on the
// embedded database spilled to disk at ministry size.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index completion_withdrawal_idx on completion (withdraws_completion_id)
    where kind = 'withdrawn'`.execute(db);
  await sql`create index completion_counting_idx
    on completion (course_id, fiscal_year, staff_id, recorded_at, id)
    where kind <> 'withdrawn'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index completion_counting_idx`.execute(db);
  await sql`drop index completion_withdrawal_idx`.execute(db);
}
