import { sql, type Kysely } from 'kysely';

// Frozen: SCORM packages as module versions, as of this date. Imports no app code.
//
// A package's files live on disk under a folder Kenshu names (storage_key), never a path from the
// package; the row says what the manifest declared. A SCORM version's completion follows the
// runtime's status (completion_rule 'scorm'); the runtime data is kept per learner's progress.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scorm_package')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('scorm_version', 'text', (c) =>
      c.notNull().check(sql`scorm_version in ('1.2', '2004')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('launch_path', 'text', (c) => c.notNull())
    // 1.2: adlcp:masteryscore (0–100); 2004: imsss:minNormalizedMeasure (-1…1). null: none.
    .addColumn('passing_score', 'double precision')
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('unpacked_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('scorm_package_module_idx')
    .on('scorm_package')
    .column('module_id')
    .execute();

  await db.schema
    .alterTable('module_version')
    .addColumn('scorm_package_id', 'integer', (c) => c.references('scorm_package.id'))
    .execute();
  await sql`alter table module_version drop constraint module_version_completion_rule_check`.execute(
    db,
  );
  await sql`alter table module_version add constraint module_version_completion_rule_check
    check (completion_rule in ('all_sections_viewed', 'quiz_passed', 'both', 'scorm'))`.execute(db);
  await sql`alter table module_version add constraint module_version_scorm_has_package
    check ((completion_rule = 'scorm') = (scorm_package_id is not null))`.execute(db);

  // What the package's runtime last committed for a learner's progress: resumed on any device.
  await db.schema
    .createTable('scorm_runtime')
    .addColumn('progress_id', 'integer', (c) => c.primaryKey().references('module_progress.id'))
    .addColumn('lesson_status', 'text')
    .addColumn('completion_status', 'text')
    .addColumn('success_status', 'text')
    .addColumn('score_raw', 'double precision')
    .addColumn('score_min', 'double precision')
    .addColumn('score_max', 'double precision')
    .addColumn('score_scaled', 'double precision')
    // The score as a percentage (0–100), for reports and the audit sample's evidence.
    .addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 100`))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('suspend_data', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scorm_runtime').execute();
  await sql`delete from module_version where completion_rule = 'scorm'`.execute(db);
  await sql`alter table module_version drop constraint module_version_scorm_has_package`.execute(
    db,
  );
  await sql`alter table module_version drop constraint module_version_completion_rule_check`.execute(
    db,
  );
  await sql`alter table module_version add constraint module_version_completion_rule_check
    check (completion_rule in ('all_sections_viewed', 'quiz_passed', 'both'))`.execute(db);
  await db.schema.alterTable('module_version').dropColumn('scorm_package_id').execute();
  await db.schema.dropTable('scorm_package').execute();
}
