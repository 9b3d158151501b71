import { sql, type Kysely } from 'kysely';

// Frozen: course drafts and sessions recorded after the fact, as of this date. Imports no app code.
//
// A new course requires nobody until an admin publishes it; the courses that exist already stay
// published (dated by their creation). A session typed in from a paper sign-in sheet after it took
// place keeps when and why it was recorded, both or neither.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('course')
    .addColumn('published_at', 'timestamptz', (c) => c.defaultTo(sql`now()`))
    .execute();
  await sql`update course set published_at = created_at`.execute(db);
  await db.schema
    .alterTable('training_session')
    .addColumn('recorded_at', 'timestamptz')
    .addColumn('recorded_reason', 'text')
    .execute();
  await sql`alter table training_session add constraint training_session_recorded_reason check ((recorded_at is null) = (recorded_reason is null))`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table training_session drop constraint training_session_recorded_reason`.execute(
    db,
  );
  await db.schema
    .alterTable('training_session')
    .dropColumn('recorded_at')
    .dropColumn('recorded_reason')
    .execute();
  await db.schema.alterTable('course').dropColumn('published_at').execute();
}
