import { sql, type Kysely } from 'kysely';

// Frozen: e-learning modules (versioned, with sections, images and a quiz), learner progress and
// quiz attempts, assignments with their rules, and which units have no group sessions, as of
// this date. Imports no app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // Regional offices and the like cannot reach head-office group sessions; the flag applies to
  // the unit's whole subtree.
  await db.schema
    .alterTable('org_unit')
    .addColumn('has_group_sessions', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('module')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('module_course_idx').on('module').column('course_id').execute();

  // A published version never changes again: learners in progress and completions point at it.
  await db.schema
    .createTable('module_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text')
    .addColumn('pass_mark', 'integer', (c) => c.notNull().check(sql`pass_mark between 0 and 100`))
    .addColumn('shuffle', 'boolean', (c) => c.notNull().defaultTo(false))
    // null: unlimited attempts.
    .addColumn('attempt_limit', 'integer', (c) => c.check(sql`attempt_limit > 0`))
    .addColumn('completion_rule', 'text', (c) =>
      c.notNull().check(sql`completion_rule in ('all_sections_viewed', 'quiz_passed', 'both')`),
    )
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'integer', (c) => c.references('staff.id'))
    .addUniqueConstraint('module_version_number', ['module_id', 'version'])
    .addCheckConstraint(
      'module_version_published_at',
      sql`(status = 'published') = (published_at is not null)`,
    )
    .execute();
  // At most one draft per module: editing a published module starts the next version.
  await sql`create unique index module_version_one_draft on module_version (module_id) where status = 'draft'`.execute(
    db,
  );

  await db.schema
    .createTable('module_section')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_version_id', 'integer', (c) =>
      c.notNull().references('module_version.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    // The Markdown authors wrote, and the sanitised HTML rendered from it when it was saved.
    .addColumn('body_ja', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('html_ja', 'text', (c) => c.notNull())
    .addColumn('html_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('module_section_position', ['module_version_id', 'position'])
    .execute();

  await db.schema
    .createTable('module_question')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_version_id', 'integer', (c) =>
      c.notNull().references('module_version.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('single', 'multiple')`))
    .addColumn('text_ja', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    // [{"ja": "…", "en": "…"}, …]; an option's id is its index.
    .addColumn('options', 'jsonb', (c) => c.notNull())
    // Indexes of the correct options. Never sent to a learner before they submit.
    .addColumn('correct', 'jsonb', (c) => c.notNull())
    .addColumn('explanation_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('explanation_en', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('module_question_position', ['module_version_id', 'position'])
    .execute();

  await db.schema
    .createTable('module_image')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The service refuses larger images with a clear message; this is the backstop.
    .addCheckConstraint('module_image_size', sql`size = octet_length(bytes) and size <= 2097152`)
    .execute();

  // One learner's way through a module in one fiscal year, on the version they started.
  await db.schema
    .createTable('module_progress')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('module_version_id', 'integer', (c) => c.notNull().references('module_version.id'))
    .addColumn('viewed_section_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('last_section_id', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addUniqueConstraint('module_progress_one_per_year', ['staff_id', 'module_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('quiz_attempt')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('progress_id', 'integer', (c) => c.notNull().references('module_progress.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('module_version_id', 'integer', (c) => c.notNull().references('module_version.id'))
    // [{"questionId": 1, "optionOrder": [2, 0, 1]}, …]: what the learner was shown, in order.
    .addColumn('question_order', 'jsonb', (c) => c.notNull())
    .addColumn('answers', 'jsonb')
    .addColumn('score', 'integer')
    .addColumn('passed', 'boolean')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addCheckConstraint(
      'quiz_attempt_submitted_whole',
      sql`(submitted_at is null) = (answers is null and score is null and passed is null)`,
    )
    .execute();
  await db.schema
    .createIndex('quiz_attempt_progress_idx')
    .on('quiz_attempt')
    .column('progress_id')
    .execute();
  // At most one attempt in progress per learner and module year: starting twice resumes it.
  await sql`create unique index quiz_attempt_one_open on quiz_attempt (progress_id) where submitted_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('assignment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'completed', 'withdrawn')`),
    )
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('absent', 'window_closed', 'no_group_access', 'manual')`),
    )
    .addColumn('reason', 'text')
    .addColumn('session_id', 'integer', (c) => c.references('training_session.id'))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('withdraw_reason', 'text')
    .addCheckConstraint('assignment_manual_reason', sql`source <> 'manual' or reason is not null`)
    .addCheckConstraint(
      'assignment_withdraw_reason',
      sql`status <> 'withdrawn' or withdraw_reason is not null`,
    )
    .addCheckConstraint('assignment_closed_at', sql`(status = 'open') = (closed_at is null)`)
    .execute();
  // The invariant the whole feature rests on: at most one open assignment per person, course
  // and fiscal year, whichever rule or admin creates it.
  await sql`create unique index assignment_one_open on assignment (staff_id, course_id, fiscal_year) where status = 'open'`.execute(
    db,
  );
  await sql`create index assignment_course_year_idx on assignment (course_id, fiscal_year, status)`.execute(
    db,
  );
  await sql`create index assignment_staff_idx on assignment (staff_id, fiscal_year)`.execute(db);

  // Which automatic rules a course uses; no row means the rule is off.
  await db.schema
    .createTable('assignment_rule')
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('rule', 'text', (c) =>
      c.notNull().check(sql`rule in ('absent', 'window_closed', 'no_group_access')`),
    )
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due_days', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(30)
        .check(sql`due_days between 1 and 365`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assignment_rule_pk', ['course_id', 'rule'])
    .execute();

  // The last day of a course's group sessions in a fiscal year (rule 2 runs from then on).
  await db.schema
    .createTable('course_window')
    .addColumn('course_id', 'integer', (c) => c.notNull().references('course.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_window_pk', ['course_id', 'fiscal_year'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'course_window',
    'assignment_rule',
    'assignment',
    'quiz_attempt',
    'module_progress',
    'module_image',
    'module_question',
    'module_section',
    'module_version',
    'module',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('org_unit').dropColumn('has_group_sessions').execute();
}
