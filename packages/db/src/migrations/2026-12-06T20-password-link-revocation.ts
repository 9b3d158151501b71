import { sql, type Kysely } from 'kysely';

// Frozen: set-password links can be revoked, and a person has at most one live link, as of
// this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('password_token').addColumn('revoked_at', 'timestamptz').execute();
  // Links issued before this rule: only each person's newest unused one keeps working.
  await sql`
    update password_token older set revoked_at = now()
    where older.used_at is null
      and exists (
        select 1 from password_token newer
        where newer.staff_id = older.staff_id and newer.used_at is null and newer.id > older.id
      )`.execute(db);
  // Issuing a link revokes the person's others; the database holds that rule too.
  await sql`
    create unique index password_token_one_live_idx on password_token (staff_id)
    where used_at is null and revoked_at is null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index password_token_one_live_idx`.execute(db);
  await db.schema.alterTable('password_token').dropColumn('revoked_at').execute();
}
