import { sql, type Kysely } from 'kysely';

// Frozen: single sign-on (OpenID Connect), as of this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // A sign-in started at the provider and not yet come back: whichever instance receives the
  // callback finds it here, and takes it by deleting it, so a state works once.
  await db.schema
    .createTable('sso_login_state')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next_path', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_login_state_expires_idx')
    .on('sso_login_state')
    .column('expires_at')
    .execute();

  // How a session began, and for single sign-on the provider's ID token, which signing out
  // hands back to the provider (id_token_hint). Never sent to the browser.
  await db.schema
    .alterTable('auth_session')
    .addColumn('method', 'text', (c) =>
      c
        .notNull()
        .defaultTo('password')
        .check(sql`method in ('password', 'sso')`),
    )
    .addColumn('id_token', 'text')
    .execute();

  // One row: whether everyone must use single sign-on (break-glass accounts excepted).
  await db.schema
    .createTable('sign_in_setting')
    .addColumn('id', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('sso_required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into sign_in_setting (id) values (true)`.execute(db);

  // Admin accounts that may still sign in with a password when single sign-on is required.
  await db.schema
    .createTable('break_glass_account')
    .addColumn('staff_id', 'integer', (c) => c.primaryKey().references('staff.id'))
    .addColumn('marked_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('marked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('break_glass_account').execute();
  await db.schema.dropTable('sign_in_setting').execute();
  await db.schema.alterTable('auth_session').dropColumn('id_token').dropColumn('method').execute();
  await db.schema.dropTable('sso_login_state').execute();
}
