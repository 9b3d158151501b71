import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was on this date and imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('ministry', 'bureau', 'regional_office', 'division', 'section')`),
    )
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // Materialised path of ids ("/1/5/23/"): a subtree is one indexed prefix scan.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('org_unit_not_own_parent', sql`parent_id is distinct from id`)
    .execute();
  await sql`create index org_unit_path_idx on org_unit (path text_pattern_ops)`.execute(db);
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_id').execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_number', 'text', (c) => c.notNull().unique())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name_kana', 'text', (c) => c.notNull())
    .addColumn('given_name_kana', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('employment_type', 'text', (c) =>
      c.notNull().check(sql`employment_type in ('regular', 'part_time', 'temporary')`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('locale', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ja')
        .check(sql`locale in ('ja', 'en')`),
    )
    .addColumn('is_section_head', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_unit_security_officer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_system_security_officer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_pjmo_member', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_trainer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index staff_email_idx on staff (lower(email))`.execute(db);
  await db.schema.createIndex('staff_org_unit_idx').on('staff').column('org_unit_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff').execute();
  await db.schema.dropTable('org_unit').execute();
}
