import { sql, type Kysely } from 'kysely';

// Frozen: sign-in, role grants and the audit log as of this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // Roles an admin grants, beside the ones HR puts on the staff record.
  await db.schema
    .createTable('role_grant')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('admin', 'trainer', 'section_head', 'unit_security_officer', 'system_security_officer', 'pjmo_member')`,
        ),
    )
    .addColumn('granted_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('role_grant_pk', ['staff_id', 'role'])
    .execute();
  await sql`insert into role_grant (staff_id, role) select id, 'admin' from staff where is_admin`.execute(
    db,
  );
  await sql`insert into role_grant (staff_id, role) select id, 'trainer' from staff where is_trainer`.execute(
    db,
  );
  await db.schema.alterTable('staff').dropColumn('is_admin').execute();
  await db.schema.alterTable('staff').dropColumn('is_trainer').execute();

  await db.schema
    .createTable('credential')
    .addColumn('staff_id', 'integer', (c) => c.primaryKey().references('staff.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // Demo passwords are published in the README; production start refuses them.
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // sha256 of the cookie's token: a leaked table does not leak usable sessions.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('user_agent', 'text')
    .addColumn('client_address', 'text')
    .execute();
  await db.schema
    .createIndex('auth_session_staff_idx')
    .on('auth_session')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('password_token')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  // Failed sign-ins per key ("login:…" or "address:…"), to slow and then lock out guessing.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
  // The audit trail is append-only, whatever code runs against the database.
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log rows cannot be changed or deleted';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function audit_log_is_append_only`.execute(db);
  for (const t of [
    'sign_in_throttle',
    'password_token',
    'auth_session',
    'credential',
    'role_grant',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema
    .alterTable('staff')
    .addColumn('is_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('staff')
    .addColumn('is_trainer', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}
