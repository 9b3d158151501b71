import { sql, type Kysely } from 'kysely';

// Frozen: report settings and saved audit samples, as of this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // One row: the attainment thresholds (到達率) in whole percent, highest first.
  await db.schema
    .createTable('report_setting')
    .addColumn('id', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('attainment_thresholds', sql`integer[]`, (c) =>
      c.notNull().defaultTo(sql`'{100,95,90}'`),
    )
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'report_setting_thresholds',
      sql`cardinality(attainment_thresholds) between 1 and 5
        and 1 <= all (attainment_thresholds) and 100 >= all (attainment_thresholds)
        and array_position(attainment_thresholds, null) is null`,
    )
    .execute();
  await sql`insert into report_setting (id) values (true)`.execute(db);

  // An audit sample as drawn: the seed that reproduces it, the population it was drawn from,
  // who drew it and when. Its size is the square root of the population, rounded up.
  await db.schema
    .createTable('audit_sample')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    // The scope's unit; null for the whole ministry.
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('seed', 'text', (c) => c.notNull().check(sql`seed ~ '^[0-9a-f]{16}$'`))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 1`))
    .addColumn('sample_size', 'integer', (c) => c.notNull())
    .addColumn('drawn_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('drawn_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'audit_sample_square_root',
      sql`sample_size = ceil(sqrt(population::float8))::integer`,
    )
    .execute();
  await db.schema
    .createIndex('audit_sample_course_year_idx')
    .on('audit_sample')
    .columns(['course_id', 'fiscal_year', 'drawn_at'])
    .execute();
  await db.schema
    .createTable('audit_sample_item')
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('audit_sample.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('completion_id', 'integer', (c) => c.notNull().references('completion.id'))
    .addPrimaryKeyConstraint('audit_sample_item_pk', ['sample_id', 'position'])
    .addUniqueConstraint('audit_sample_item_once', ['sample_id', 'staff_id'])
    .execute();
  // What an auditor was shown is evidence too: samples are never edited or deleted.
  await sql`
    create function audit_sample_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit samples cannot be changed or deleted';
    end $$`.execute(db);
  for (const table of ['audit_sample', 'audit_sample_item']) {
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_sample_is_append_only()`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_sample_item').execute();
  await db.schema.dropTable('audit_sample').execute();
  await sql`drop function if exists audit_sample_is_append_only`.execute(db);
  await db.schema.dropTable('report_setting').execute();
}
